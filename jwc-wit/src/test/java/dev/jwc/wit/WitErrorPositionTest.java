package dev.jwc.wit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.wit.model.Resolve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lexer, parser and resolver errors carry the exact file, line and column of the offending text. */
class WitErrorPositionTest {
    @TempDir
    Path dir;

    private WitException fail(String text) throws IOException {
        Path file = dir.resolve("test.wit");
        Files.writeString(file, text);
        try {
            WitLoader.withFeatures(Set.of()).load(file);
        } catch (WitException e) {
            assertThat(e.path()).isEqualTo(file);
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    private Resolve load(String text) throws IOException {
        Path file = dir.resolve("ok.wit");
        Files.writeString(file, text);
        return WitLoader.withFeatures(Set.of()).load(file).resolve();
    }

    @Test
    void lexerRejectsUnexpectedCharacterAtItsColumn() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  x: func() $ ;\n}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(13);
        assertThat(e.detail()).isEqualTo("unexpected character '$'");
    }

    @Test
    void lexerRejectsUnterminatedBlockCommentAtItsStart() throws IOException {
        WitException e = fail("package a:b;\n  /* open /* nested */\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.detail()).isEqualTo("unterminated block comment");
    }

    @Test
    void lexerRejectsControlCodes() throws IOException {
        WitException e = fail("package a:b;\ninterface \u0007i {}\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
    }

    @Test
    void parserReportsWhatItExpectedAndFound() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  type t = list<u8;\n}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(19);
        assertThat(e.detail()).isEqualTo("expected '>', found ';'");
    }

    @Test
    void parserReportsEndOfFile() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.detail()).isEqualTo("expected `type`, `resource` or `func`, found eof");
    }

    @Test
    void parserRejectsNonKebabIdentifiers() throws IOException {
        WitException e = fail("package a:b;\ninterface Bad-name {}\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.detail()).isEqualTo("invalid character in identifier 'a'");
    }

    @Test
    void parserBoundsTypeNesting() throws IOException {
        String deep = "list<".repeat(500) + "u8" + ">".repeat(500);
        WitException e = fail("package a:b;\ninterface i {\n  type t = " + deep + ";\n}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.detail()).isEqualTo("type nesting too deep");
    }

    @Test
    void parserRejectsInvalidSemver() throws IOException {
        WitException e = fail("package a:b@1.02.0;\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(13);
    }

    @Test
    void resolverReportsUndefinedTypeAtItsUse() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  f: func(x: missing);\n}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.detail()).isEqualTo("name `missing` does not exist");
    }

    @Test
    void resolverReportsTypeCycles() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  type a = b;\n  type b = a;\n}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.detail()).isEqualTo("type `b` depends on itself");
    }

    @Test
    void resolverReportsDuplicateNames() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  f: func();\n  f: func();\n}\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.detail()).isEqualTo("name `f` is defined more than once");
    }

    @Test
    void resolverReportsBorrowInResults() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  resource r;\n  f: func() -> borrow<r>;\n}\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void resolverReportsGatedReferences() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  @unstable(feature = off)\n  type t = u8;\n"
                + "  f: func(x: t);\n}\n");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void missingPackageHeaderIsReportedAtTheStartOfTheFile() throws IOException {
        WitException e = fail("interface i {}\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void renderShowsLineAndCaret() throws IOException {
        WitException e = fail("package a:b;\ninterface i {\n  f: func(x: missing);\n}\n");
        String[] lines = e.render().split("\n");
        assertThat(lines[0]).endsWith("test.wit:3:14: name `missing` does not exist");
        assertThat(lines[2]).isEqualTo("3 |   f: func(x: missing);");
        assertThat(lines[3]).isEqualTo("  |              ^");
    }

    @Test
    void unstableItemsAreKeptOnlyWithTheirFeature() throws IOException {
        Path file = dir.resolve("gated.wit");
        Files.writeString(file, "package a:b;\ninterface i {\n  @unstable(feature = x)\n  f: func();\n}\n");
        assertThat(WitLoader.withFeatures(Set.of()).load(file).resolve().interfaces().get(0).functions()).isEmpty();
        assertThat(WitLoader.withFeatures(Set.of("x")).load(file).resolve().interfaces().get(0).functions())
                .containsKey("f");
        assertThat(WitLoader.withAllFeatures().load(file).resolve().interfaces().get(0).functions())
                .containsKey("f");
    }

    @Test
    void docCommentsAreKept() throws IOException {
        Resolve r = load("package a:b;\n/// The interface.\n/// Second line.\ninterface i {\n  /** a function */\n"
                + "  f: func();\n}\n");
        assertThat(r.interfaces().get(0).docs().contents()).contains("The interface.\nSecond line.");
        assertThat(r.interfaces().get(0).functions().get("f").docs().contents()).contains("a function");
    }

    @Test
    void labelledImportsNameAnInterfaceTwice() throws IOException {
        Resolve r = load("package a:b;\ninterface store {}\nworld w {\n  import primary: store;\n"
                + "  import secondary: store;\n}\n");
        assertThat(r.worlds().get(0).imports()).hasSize(2);
    }

    @Test
    void longChainsOfInterfacesAreRejectedInsteadOfOverflowingTheStack() throws IOException {
        StringBuilder text = new StringBuilder("package a:b;\ninterface i0 { type t = u8; }\n");
        for (int i = 1; i <= 3000; i++) {
            text.append("interface i").append(i).append(" { use i").append(i - 1).append(".{t}; }\n");
        }
        text.append("world w { import i3000; }\n");
        WitException e = fail(text.toString());
        assertThat(e.line()).isEqualTo(3003);
        assertThat(e.detail()).contains("too deep");
    }

    @Test
    void longChainsOfTypesResolve() throws IOException {
        StringBuilder text = new StringBuilder("package a:b;\ninterface i {\n  type t0 = u8;\n");
        for (int i = 1; i <= 20000; i++) {
            text.append("  type t").append(i).append(" = list<t").append(i - 1).append(">;\n");
        }
        text.append("  f: func() -> t20000;\n}\n");
        assertThat(load(text.toString()).interfaces().get(0).functions()).containsKey("f");
    }
}
