package dev.jwc.wit.syntax;

import dev.jwc.wit.WitException;
import dev.jwc.wit.model.Version;
import dev.jwc.wit.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A recursive-descent parser from tokens to {@link Ast}, following the grammar of WIT.md. */
public final class Parser {
    /** Bounds the nesting of types so that hostile input cannot overflow the stack. */
    private static final int MAX_TYPE_DEPTH = 100;
    /** Bounds the nesting of {@code package a:b { ... }} for the same reason. */
    private static final int MAX_PACKAGE_DEPTH = 100;

    private final Source source;
    private final List<Token> tokens;
    private int pos;
    private int typeDepth;
    private int packageDepth;

    private Parser(Source source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    /** Parses one file, which may hold a {@code package} header and nested packages. */
    public static PackageFile parseFile(Source source) {
        return new Parser(source).file();
    }

    // ---- token access ----

    private int skipComments(int i) {
        while (i < tokens.size() && tokens.get(i).kind() == TokenKind.COMMENT) {
            i++;
        }
        return i;
    }

    private Token peek() {
        int i = skipComments(pos);
        return i < tokens.size() ? tokens.get(i) : null;
    }

    private TokenKind peekKind() {
        Token t = peek();
        return t == null ? null : t.kind();
    }

    /** The kind of the non-comment token {@code ahead} places after the next one, or null at the end. */
    private TokenKind peekKindAt(int ahead) {
        int i = skipComments(pos);
        for (int n = 0; n < ahead && i < tokens.size(); n++) {
            i = skipComments(i + 1);
        }
        return i < tokens.size() ? tokens.get(i).kind() : null;
    }

    private Token next() {
        pos = skipComments(pos);
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    private boolean eat(TokenKind kind) {
        Token t = peek();
        if (t != null && t.kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private Span expect(TokenKind kind) {
        Token t = next();
        if (t == null) {
            throw source.error(source.text().length(), "expected " + kind.describe() + ", found eof");
        }
        if (t.kind() != kind) {
            throw source.error(t.start(), "expected " + kind.describe() + ", found " + t.kind().describe());
        }
        return span(t);
    }

    private Span span(Token t) {
        return new Span(source, t.start(), t.end());
    }

    private WitException expected(String what, Token found) {
        if (found == null) {
            return source.error(source.text().length(), "expected " + what + ", found eof");
        }
        return source.error(found.start(), "expected " + what + ", found " + found.kind().describe());
    }

    private Docs docs() {
        List<String> comments = new ArrayList<>();
        int start = -1;
        int end = -1;
        while (pos < tokens.size() && tokens.get(pos).kind() == TokenKind.COMMENT) {
            Token t = tokens.get(pos++);
            if (start < 0) {
                start = t.start();
            }
            String text = source.text().substring(t.start(), t.end());
            comments.add(text);
            end = t.end() - (text.length() - text.stripTrailing().length());
        }
        return comments.isEmpty() ? Docs.NONE : new Docs(List.copyOf(comments), new Span(source, start, end));
    }

    // ---- files and packages ----

    private PackageFile file() {
        int save = pos;
        Docs docs = docs();
        PackageName header = null;
        if (eat(TokenKind.PACKAGE)) {
            PackageName name = packageName(docs);
            if (eat(TokenKind.SEMICOLON)) {
                header = name;
            } else {
                pos = save;
            }
        } else {
            pos = save;
        }
        return new PackageFile(header, declList(false));
    }

    private List<AstItem> declList(boolean untilBrace) {
        List<AstItem> items = new ArrayList<>();
        Docs docs = docs();
        while (true) {
            if (untilBrace ? eat(TokenKind.RIGHT_BRACE) : peek() == null) {
                break;
            }
            items.add(astItem(docs));
            docs = docs();
        }
        return items;
    }

    private AstItem astItem(Docs docs) {
        List<Attribute> attributes = attributes();
        Token t = peek();
        TokenKind kind = t == null ? null : t.kind();
        if (kind == TokenKind.INTERFACE) {
            return interfaceDecl(docs, attributes);
        } else if (kind == TokenKind.WORLD) {
            return worldDecl(docs, attributes);
        } else if (kind == TokenKind.USE) {
            return toplevelUse(attributes);
        } else if (kind == TokenKind.PACKAGE) {
            Span span = expect(TokenKind.PACKAGE);
            if (!attributes.isEmpty()) {
                throw span.error("cannot place attributes on nested packages");
            }
            if (++packageDepth > MAX_PACKAGE_DEPTH) {
                throw span.error("package nesting too deep");
            }
            PackageName name = packageName(docs);
            expect(TokenKind.LEFT_BRACE);
            NestedPackage nested = new NestedPackage(name.span(), new PackageFile(name, declList(true)));
            packageDepth--;
            return nested;
        }
        throw expected("`world`, `interface` or `use`", t);
    }

    private PackageName packageName(Docs docs) {
        Id namespace = id();
        expect(TokenKind.COLON);
        Id name = id();
        VersionAt version = optionalVersion();
        int end = version == null ? name.span().end() : version.span.end();
        return new PackageName(docs, new Span(source, namespace.span().start(), end), namespace, name,
                version == null ? null : version.version);
    }

    private ToplevelUse toplevelUse(List<Attribute> attributes) {
        Span span = expect(TokenKind.USE);
        UsePath item = usePath();
        Id as = eat(TokenKind.AS) ? id() : null;
        expect(TokenKind.SEMICOLON);
        return new ToplevelUse(span, attributes, item, as);
    }

    private UsePath usePath() {
        Id first = id();
        if (eat(TokenKind.COLON)) {
            Id pkgName = id();
            expect(TokenKind.SLASH);
            Id name = id();
            VersionAt version = optionalVersion();
            Span span = new Span(source, first.span().start(), pkgName.span().end());
            return new PackagePath(new PackageName(Docs.NONE, span, first, pkgName,
                    version == null ? null : version.version), name);
        }
        return new LocalPath(first);
    }

    // ---- worlds ----

    private WorldDecl worldDecl(Docs docs, List<Attribute> attributes) {
        expect(TokenKind.WORLD);
        Id name = id();
        expect(TokenKind.LEFT_BRACE);
        List<WorldItem> items = new ArrayList<>();
        while (true) {
            Docs itemDocs = docs();
            if (eat(TokenKind.RIGHT_BRACE)) {
                break;
            }
            items.add(worldItem(itemDocs, attributes()));
        }
        return new WorldDecl(docs, attributes, name, items);
    }

    private WorldItem worldItem(Docs docs, List<Attribute> attributes) {
        Token t = peek();
        if (t == null) {
            throw expected("`import`, `export`, `include`, `use`, or type definition", null);
        }
        return switch (t.kind()) {
            case IMPORT -> {
                next();
                yield new Import(docs, attributes, externKind());
            }
            case EXPORT -> {
                next();
                yield new Export(docs, attributes, externKind());
            }
            case USE -> use(attributes);
            case TYPE, FLAGS, RESOURCE, RECORD, VARIANT, ENUM -> typeDef(docs, attributes);
            case INCLUDE -> include(attributes);
            default -> throw expected("`import`, `export`, `include`, `use`, or type definition", t);
        };
    }

    private ExternKind externKind() {
        int save = pos;
        Id name = id();
        if (eat(TokenKind.COLON)) {
            TokenKind kind = peekKind();
            if (kind == TokenKind.FUNC || kind == TokenKind.ASYNC) {
                Func func = func();
                expect(TokenKind.SEMICOLON);
                return new ExternFunc(name, func);
            }
            if (eat(TokenKind.INTERFACE)) {
                return new ExternInterface(name, interfaceBody());
            }
            // `import ns:pkg/iface;` names a foreign interface; `import label: path;` labels one.
            if (peekKindAt(1) != TokenKind.SLASH) {
                UsePath path = usePath();
                expect(TokenKind.SEMICOLON);
                return new ExternNamedPath(name, path);
            }
        }
        pos = save;
        UsePath path = usePath();
        expect(TokenKind.SEMICOLON);
        return new ExternPath(path);
    }

    private Include include(List<Attribute> attributes) {
        expect(TokenKind.INCLUDE);
        UsePath from = usePath();
        List<IncludeName> names = List.of();
        if (eat(TokenKind.WITH)) {
            names = list(TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE, (d, p) -> {
                Id name = id();
                expect(TokenKind.AS);
                return new IncludeName(name, id());
            });
        } else {
            expect(TokenKind.SEMICOLON);
        }
        return new Include(attributes, from, names);
    }

    // ---- interfaces ----

    private InterfaceDecl interfaceDecl(Docs docs, List<Attribute> attributes) {
        expect(TokenKind.INTERFACE);
        Id name = id();
        return new InterfaceDecl(docs, attributes, name, interfaceBody());
    }

    private List<InterfaceItem> interfaceBody() {
        expect(TokenKind.LEFT_BRACE);
        List<InterfaceItem> items = new ArrayList<>();
        while (true) {
            Docs docs = docs();
            if (eat(TokenKind.RIGHT_BRACE)) {
                break;
            }
            items.add(interfaceItem(docs, attributes()));
        }
        return items;
    }

    private InterfaceItem interfaceItem(Docs docs, List<Attribute> attributes) {
        Token t = peek();
        if (t == null) {
            throw expected("`type`, `resource` or `func`", null);
        }
        return switch (t.kind()) {
            case TYPE, FLAGS, ENUM, VARIANT, RESOURCE, RECORD -> typeDef(docs, attributes);
            case ID, EXPLICIT_ID -> {
                Id name = id();
                expect(TokenKind.COLON);
                Func func = func();
                expect(TokenKind.SEMICOLON);
                yield new NamedFunc(docs, attributes, name, func);
            }
            case USE -> use(attributes);
            default -> throw expected("`type`, `resource` or `func`", t);
        };
    }

    private Use use(List<Attribute> attributes) {
        expect(TokenKind.USE);
        UsePath from = usePath();
        expect(TokenKind.PERIOD);
        expect(TokenKind.LEFT_BRACE);
        List<UseName> names = new ArrayList<>();
        while (!eat(TokenKind.RIGHT_BRACE)) {
            Id name = id();
            Id as = eat(TokenKind.AS) ? id() : null;
            names.add(new UseName(name, as));
            if (!eat(TokenKind.COMMA)) {
                expect(TokenKind.RIGHT_BRACE);
                break;
            }
        }
        expect(TokenKind.SEMICOLON);
        return new Use(attributes, from, names);
    }

    private Func func() {
        boolean async = eat(TokenKind.ASYNC);
        Span span = expect(TokenKind.FUNC);
        expect(TokenKind.LEFT_PAREN);
        List<Param> params = params();
        Type result = eat(TokenKind.R_ARROW) ? type() : null;
        return new Func(span, async, params, result);
    }

    /** Parameters after an already consumed '(' up to and including ')'. */
    private List<Param> params() {
        return listTrailer(TokenKind.RIGHT_PAREN, (d, p) -> {
            Id name = id();
            expect(TokenKind.COLON);
            return new Param(name, type());
        });
    }

    // ---- type definitions ----

    private TypeDef typeDef(Docs docs, List<Attribute> attributes) {
        Token t = next();
        Id name = id();
        Type type = switch (t.kind()) {
            case TYPE -> {
                expect(TokenKind.EQUALS);
                Type aliased = type();
                expect(TokenKind.SEMICOLON);
                yield aliased;
            }
            case FLAGS -> new Flags(name.span(), list(TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE,
                    (d, p) -> new Flag(d, id())));
            case ENUM -> new Ast.Enum(name.span(), list(TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE,
                    (d, p) -> new EnumCase(d, id())));
            case RECORD -> new Ast.Record(name.span(), list(TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE,
                    (d, p) -> {
                        Id field = id();
                        expect(TokenKind.COLON);
                        return new Field(d, field, type());
                    }));
            case VARIANT -> new Variant(name.span(), list(TokenKind.LEFT_BRACE, TokenKind.RIGHT_BRACE,
                    (d, p) -> {
                        Id caseName = id();
                        Type payload = null;
                        if (eat(TokenKind.LEFT_PAREN)) {
                            payload = type();
                            expect(TokenKind.RIGHT_PAREN);
                        }
                        return new Case(d, caseName, payload);
                    }));
            case RESOURCE -> resourceBody(name);
            default -> throw new IllegalStateException("typeDef called on " + t.kind());
        };
        return new TypeDef(docs, attributes, name, type);
    }

    private Resource resourceBody(Id name) {
        List<ResourceFunc> funcs = new ArrayList<>();
        if (eat(TokenKind.LEFT_BRACE)) {
            while (!eat(TokenKind.RIGHT_BRACE)) {
                Docs docs = docs();
                List<Attribute> attributes = attributes();
                funcs.add(resourceFunc(docs, attributes));
            }
        } else {
            expect(TokenKind.SEMICOLON);
        }
        return new Resource(name.span(), funcs);
    }

    private ResourceFunc resourceFunc(Docs docs, List<Attribute> attributes) {
        Token t = peek();
        if (t != null && t.kind() == TokenKind.CONSTRUCTOR) {
            Span span = expect(TokenKind.CONSTRUCTOR);
            expect(TokenKind.LEFT_PAREN);
            List<Param> params = params();
            Type result = eat(TokenKind.R_ARROW) ? type() : null;
            expect(TokenKind.SEMICOLON);
            Func func = new Func(span, false, params, result);
            return new ResourceFunc(ResourceFuncKind.CONSTRUCTOR,
                    new NamedFunc(docs, attributes, new Id("constructor", span), func));
        }
        if (t != null && (t.kind() == TokenKind.ID || t.kind() == TokenKind.EXPLICIT_ID)) {
            Id name = id();
            expect(TokenKind.COLON);
            ResourceFuncKind kind = eat(TokenKind.STATIC) ? ResourceFuncKind.STATIC : ResourceFuncKind.METHOD;
            Func func = func();
            expect(TokenKind.SEMICOLON);
            return new ResourceFunc(kind, new NamedFunc(docs, attributes, name, func));
        }
        throw expected("`constructor` or identifier", t);
    }

    // ---- types ----

    private Type type() {
        if (++typeDepth > MAX_TYPE_DEPTH) {
            Token t = peek();
            throw source.error(t == null ? source.text().length() : t.start(), "type nesting too deep");
        }
        try {
            return typeInner();
        } finally {
            typeDepth--;
        }
    }

    private Type typeInner() {
        Token t = next();
        if (t == null) {
            throw expected("a type", null);
        }
        Span span = span(t);
        return switch (t.kind()) {
            case BOOL -> new PrimitiveType(Primitive.BOOL, span);
            case U8 -> new PrimitiveType(Primitive.U8, span);
            case U16 -> new PrimitiveType(Primitive.U16, span);
            case U32 -> new PrimitiveType(Primitive.U32, span);
            case U64 -> new PrimitiveType(Primitive.U64, span);
            case S8 -> new PrimitiveType(Primitive.S8, span);
            case S16 -> new PrimitiveType(Primitive.S16, span);
            case S32 -> new PrimitiveType(Primitive.S32, span);
            case S64 -> new PrimitiveType(Primitive.S64, span);
            case F32 -> new PrimitiveType(Primitive.F32, span);
            case F64 -> new PrimitiveType(Primitive.F64, span);
            case CHAR -> new PrimitiveType(Primitive.CHAR, span);
            case STRING -> new PrimitiveType(Primitive.STRING, span);
            case ERROR_CONTEXT -> new PrimitiveType(Primitive.ERROR_CONTEXT, span);
            case TUPLE -> new Tuple(span, list(TokenKind.LESS_THAN, TokenKind.GREATER_THAN, (d, p) -> type()));
            case LIST -> {
                expect(TokenKind.LESS_THAN);
                Type element = type();
                Type result;
                if (eat(TokenKind.COMMA)) {
                    Token number = next();
                    if (number == null || number.kind() != TokenKind.INTEGER) {
                        throw expected("fixed-length", number);
                    }
                    result = new FixedSizeListType(span, element, fixedSize(number));
                } else {
                    result = new ListType(span, element);
                }
                expect(TokenKind.GREATER_THAN);
                yield result;
            }
            case MAP -> {
                expect(TokenKind.LESS_THAN);
                Type key = type();
                expect(TokenKind.COMMA);
                Type value = type();
                expect(TokenKind.GREATER_THAN);
                yield new MapType(span, key, value);
            }
            case OPTION -> {
                expect(TokenKind.LESS_THAN);
                Type inner = type();
                expect(TokenKind.GREATER_THAN);
                yield new OptionType(span, inner);
            }
            case RESULT -> {
                Type ok = null;
                Type err = null;
                if (eat(TokenKind.LESS_THAN)) {
                    if (eat(TokenKind.UNDERSCORE)) {
                        expect(TokenKind.COMMA);
                        err = type();
                    } else {
                        ok = type();
                        if (eat(TokenKind.COMMA)) {
                            err = type();
                        }
                    }
                    expect(TokenKind.GREATER_THAN);
                }
                yield new ResultType(span, ok, err);
            }
            case FUTURE -> new FutureType(span, optionalPayload());
            case STREAM -> new StreamType(span, optionalPayload());
            case OWN, BORROW -> {
                expect(TokenKind.LESS_THAN);
                Id resource = id();
                expect(TokenKind.GREATER_THAN);
                yield new Handle(t.kind() == TokenKind.BORROW, resource);
            }
            case ID -> new Name(idOf(t));
            case EXPLICIT_ID -> new Name(idOf(t));
            default -> throw source.error(t.start(), "expected a type, found " + t.kind().describe());
        };
    }

    private int fixedSize(Token number) {
        String digits = source.text().substring(number.start(), number.end());
        try {
            return Integer.parseUnsignedInt(digits);
        } catch (NumberFormatException e) {
            throw source.error(number.start(), "number too large to fit in target type");
        }
    }

    private Type optionalPayload() {
        if (!eat(TokenKind.LESS_THAN)) {
            return null;
        }
        Type inner = type();
        expect(TokenKind.GREATER_THAN);
        return inner;
    }

    // ---- lists, ids, versions, attributes ----

    private <T> List<T> list(TokenKind start, TokenKind end, BiFunction<Docs, Parser, T> item) {
        expect(start);
        return listTrailer(end, item);
    }

    private <T> List<T> listTrailer(TokenKind end, BiFunction<Docs, Parser, T> item) {
        List<T> items = new ArrayList<>();
        while (true) {
            Docs docs = docs();
            if (eat(end)) {
                break;
            }
            items.add(item.apply(docs, this));
            if (!eat(TokenKind.COMMA)) {
                expect(end);
                break;
            }
        }
        return items;
    }

    private Id id() {
        Token t = next();
        if (t == null || t.kind() != TokenKind.ID && t.kind() != TokenKind.EXPLICIT_ID) {
            throw expected("an identifier or string", t);
        }
        return idOf(t);
    }

    private Id idOf(Token t) {
        String text = source.text().substring(t.start(), t.end());
        if (t.kind() == TokenKind.EXPLICIT_ID) {
            text = text.substring(1);
        }
        Lexer.validateId(source, t.start(), text);
        return new Id(text, span(t));
    }

    private record VersionAt(Span span, Version version) {}

    private VersionAt optionalVersion() {
        return eat(TokenKind.AT) ? version() : null;
    }

    private VersionAt version() {
        int start = expect(TokenKind.INTEGER).start();
        expect(TokenKind.PERIOD);
        expect(TokenKind.INTEGER);
        expect(TokenKind.PERIOD);
        int end = expect(TokenKind.INTEGER).end();
        end = versionSuffix(TokenKind.MINUS, end);
        end = versionSuffix(TokenKind.PLUS, end);
        Span span = new Span(source, start, end);
        try {
            return new VersionAt(span, Version.parse(span.text()));
        } catch (IllegalArgumentException e) {
            throw span.error(e.getMessage());
        }
    }

    /**
     * Consumes a pre-release ({@code -...}) or build ({@code +...}) suffix: ids, integers, '-' and '.', where a
     * '.' only belongs to the version when something version-like follows it (so {@code a:b@1.0.0-x.{c}} works).
     */
    private int versionSuffix(TokenKind prefix, int end) {
        if (!eat(prefix)) {
            return end;
        }
        while (true) {
            int save = pos;
            Token t = next();
            if (t != null && isVersionPart(t.kind())) {
                end = t.end();
                continue;
            }
            if (t != null && t.kind() == TokenKind.PERIOD) {
                Token after = next();
                if (after != null && isVersionPart(after.kind())) {
                    end = after.end();
                    continue;
                }
            }
            pos = save;
            return end;
        }
    }

    private static boolean isVersionPart(TokenKind kind) {
        return kind == TokenKind.ID || kind == TokenKind.INTEGER || kind == TokenKind.MINUS;
    }

    private List<Attribute> attributes() {
        List<Attribute> attributes = new ArrayList<>();
        while (eat(TokenKind.AT)) {
            Id id = id();
            Attribute attribute = switch (id.name()) {
                case "since" -> new Since(id.span(), versionField("version"));
                case "deprecated" -> new Ast.Deprecated(id.span(), versionField("version"));
                case "unstable" -> {
                    expect(TokenKind.LEFT_PAREN);
                    expectId("feature");
                    expect(TokenKind.EQUALS);
                    Id feature = id();
                    expect(TokenKind.RIGHT_PAREN);
                    yield new Unstable(id.span(), feature);
                }
                default -> throw id.span().error("unknown attribute `" + id.name() + "`");
            };
            attributes.add(attribute);
        }
        return attributes;
    }

    private Version versionField(String field) {
        expect(TokenKind.LEFT_PAREN);
        expectId(field);
        expect(TokenKind.EQUALS);
        Version version = version().version;
        expect(TokenKind.RIGHT_PAREN);
        return version;
    }

    private void expectId(String expected) {
        Id id = id();
        if (!id.name().equals(expected)) {
            throw id.span().error("expected `" + expected + "`, found `" + id.name() + "`");
        }
    }
}
