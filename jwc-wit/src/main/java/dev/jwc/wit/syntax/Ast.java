package dev.jwc.wit.syntax;

import dev.jwc.wit.model.Version;
import java.util.List;

/** The syntax tree of WIT files, as written (nothing resolved). Optional parts are {@code null}. */
public final class Ast {
    private Ast() {}

    public record Id(String name, Span span) {}

    /** Raw comment texts (with their delimiters) written before an item. */
    public record Docs(List<String> comments, Span span) {
        public static final Docs NONE = new Docs(List.of(), null);
    }

    public sealed interface Attribute {
        Span span();
    }

    public record Since(Span span, Version version) implements Attribute {}

    public record Unstable(Span span, Id feature) implements Attribute {}

    public record Deprecated(Span span, Version version) implements Attribute {}

    public record PackageName(Docs docs, Span span, Id namespace, Id name, Version version) {
        public String display() {
            return namespace.name() + ":" + name.name() + (version == null ? "" : "@" + version);
        }
    }

    /** A file (or the body of a nested {@code package a:b { ... }}): optional header and items. */
    public record PackageFile(PackageName packageName, List<AstItem> items) {}

    public sealed interface AstItem {}

    public record InterfaceDecl(Docs docs, List<Attribute> attributes, Id name, List<InterfaceItem> items)
            implements AstItem {}

    public record WorldDecl(Docs docs, List<Attribute> attributes, Id name, List<WorldItem> items)
            implements AstItem {}

    public record ToplevelUse(Span span, List<Attribute> attributes, UsePath item, Id as) implements AstItem {}

    public record NestedPackage(Span span, PackageFile file) implements AstItem {}

    public sealed interface UsePath {
        /** The last name of the path: the interface or world it designates. */
        Id name();
    }

    public record LocalPath(Id name) implements UsePath {}

    public record PackagePath(PackageName pkg, Id name) implements UsePath {}

    public sealed interface InterfaceItem {}

    public sealed interface WorldItem {}

    public record Use(List<Attribute> attributes, UsePath from, List<UseName> names)
            implements InterfaceItem, WorldItem {}

    public record UseName(Id name, Id as) {
        public Id local() {
            return as == null ? name : as;
        }
    }

    public record TypeDef(Docs docs, List<Attribute> attributes, Id name, Type type)
            implements InterfaceItem, WorldItem {}

    public record NamedFunc(Docs docs, List<Attribute> attributes, Id name, Func func) implements InterfaceItem {}

    public record Import(Docs docs, List<Attribute> attributes, ExternKind kind) implements WorldItem {}

    public record Export(Docs docs, List<Attribute> attributes, ExternKind kind) implements WorldItem {}

    public record Include(List<Attribute> attributes, UsePath from, List<IncludeName> names) implements WorldItem {}

    public record IncludeName(Id name, Id as) {}

    public sealed interface ExternKind {
        Span span();
    }

    public record ExternInterface(Id name, List<InterfaceItem> items) implements ExternKind {
        public Span span() {
            return name.span();
        }
    }

    public record ExternPath(UsePath path) implements ExternKind {
        public Span span() {
            return path.name().span();
        }
    }

    /** {@code import label: pkg:ns/iface;}: an interface imported under a plain name of its own. */
    public record ExternNamedPath(Id label, UsePath path) implements ExternKind {
        public Span span() {
            return label.span();
        }
    }

    public record ExternFunc(Id name, Func func) implements ExternKind {
        public Span span() {
            return name.span();
        }
    }

    public record Param(Id name, Type type) {}

    public record Func(Span span, boolean async, List<Param> params, Type result) {}

    public enum ResourceFuncKind { METHOD, STATIC, CONSTRUCTOR }

    public record ResourceFunc(ResourceFuncKind kind, NamedFunc func) {}

    public enum Primitive { BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT }

    public sealed interface Type {
        Span span();
    }

    public record PrimitiveType(Primitive primitive, Span span) implements Type {}

    public record Name(Id id) implements Type {
        public Span span() {
            return id.span();
        }
    }

    public record ListType(Span span, Type element) implements Type {}

    public record FixedSizeListType(Span span, Type element, int size) implements Type {}

    public record MapType(Span span, Type key, Type value) implements Type {}

    public record Handle(boolean borrow, Id resource) implements Type {
        public Span span() {
            return resource.span();
        }
    }

    public record Resource(Span span, List<ResourceFunc> funcs) implements Type {}

    public record Field(Docs docs, Id name, Type type) {}

    public record Record(Span span, List<Field> fields) implements Type {}

    public record Flag(Docs docs, Id name) {}

    public record Flags(Span span, List<Flag> flags) implements Type {}

    public record Case(Docs docs, Id name, Type type) {}

    public record Variant(Span span, List<Case> cases) implements Type {}

    public record EnumCase(Docs docs, Id name) {}

    public record Enum(Span span, List<EnumCase> cases) implements Type {}

    public record Tuple(Span span, List<Type> types) implements Type {}

    public record OptionType(Span span, Type type) implements Type {}

    public record ResultType(Span span, Type ok, Type err) implements Type {}

    public record FutureType(Span span, Type type) implements Type {}

    public record StreamType(Span span, Type type) implements Type {}
}
