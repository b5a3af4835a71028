package dev.jwc.wit.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.wit.syntax.Ast.*;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static PackageFile parse(String text) {
        return Parser.parseFile(new Source(Path.of("t.wit"), text));
    }

    @Test
    void lexerKeepsCommentsAndDropsWhitespace() {
        List<Token> tokens = Lexer.tokenize(new Source(Path.of("t.wit"), "/// doc\r\nfoo %bool -> 12"));
        assertThat(tokens).extracting(Token::kind).containsExactly(TokenKind.COMMENT, TokenKind.ID,
                TokenKind.EXPLICIT_ID, TokenKind.R_ARROW, TokenKind.INTEGER);
    }

    @Test
    void versionSuffixStopsBeforeTheUseListPeriod() {
        PackageFile file = parse("package a:b;\ninterface i {\n  use c:d/e@1.2.3-pre.1+build.{t};\n}\n");
        InterfaceDecl iface = (InterfaceDecl) file.items().get(0);
        Use use = (Use) iface.items().get(0);
        PackagePath path = (PackagePath) use.from();
        assertThat(path.pkg().version().toString()).isEqualTo("1.2.3-pre.1+build");
        assertThat(use.names()).extracting(n -> n.name().name()).containsExactly("t");
    }

    @Test
    void nestedPackagesKeepTheirNamesAndItems() {
        PackageFile file = parse("package a:b;\npackage c:d@1.0.0 {\n  interface i {}\n}\nworld w {}\n");
        assertThat(file.packageName().display()).isEqualTo("a:b");
        NestedPackage nested = (NestedPackage) file.items().get(0);
        assertThat(nested.file().packageName().display()).isEqualTo("c:d@1.0.0");
        assertThat(nested.file().items()).hasSize(1);
        assertThat(file.items().get(1)).isInstanceOf(WorldDecl.class);
    }

    @Test
    void typesOfAllShapesParse() {
        PackageFile file = parse("package a:b;\ninterface i {\n  type t = tuple<list<u8, 4>, map<string, option<s8>>,"
                + " result<_, f64>, future, stream<char>, borrow<r>, error-context>;\n}\n");
        TypeDef def = (TypeDef) ((InterfaceDecl) file.items().get(0)).items().get(0);
        Tuple tuple = (Tuple) def.type();
        assertThat(tuple.types()).hasSize(7);
        assertThat(tuple.types().get(0)).isInstanceOf(FixedSizeListType.class);
        assertThat(((ResultType) tuple.types().get(2)).ok()).isNull();
        assertThat(((FutureType) tuple.types().get(3)).type()).isNull();
        assertThat(((Handle) tuple.types().get(5)).borrow()).isTrue();
    }

    @Test
    void worldExternKindsAreDistinguished() {
        PackageFile file = parse("package a:b;\nworld w {\n  import f: async func();\n  import x: interface {}\n"
                + "  import c:d/e;\n  import label: e;\n  export e;\n}\n");
        List<WorldItem> items = ((WorldDecl) file.items().get(0)).items();
        assertThat(((Import) items.get(0)).kind()).isInstanceOf(ExternFunc.class);
        assertThat(((ExternFunc) ((Import) items.get(0)).kind()).func().async()).isTrue();
        assertThat(((Import) items.get(1)).kind()).isInstanceOf(ExternInterface.class);
        assertThat(((ExternPath) ((Import) items.get(2)).kind()).path()).isInstanceOf(PackagePath.class);
        assertThat(((Import) items.get(3)).kind()).isInstanceOf(ExternNamedPath.class);
        assertThat(((Export) items.get(4)).kind()).isInstanceOf(ExternPath.class);
    }
}
