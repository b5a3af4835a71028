package dev.jwc.text.component;

import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.InstanceType;
import dev.jwc.binary.component.PrimitiveType;
import dev.jwc.binary.component.ResourceType;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.binary.component.ValType;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Component types in the text format: value types, defined types, function, component, instance and
 * resource types, and extern descriptions. Inline types in value
 * positions and type uses are lifted into generated definitions ({@link Hoist}) as wasm-tools expands
 * them; the bodies of component, instance and module types are parsed in their own scope when defined.
 */
final class TypeParser {
    private final Scope scope;

    TypeParser(Scope scope) {
        this.scope = scope;
    }

    IndexSyntax syntax() {
        return scope.syntax;
    }

    // ---- value types ----

    static PrimitiveType primitive(String keyword) {
        return switch (keyword) {
            case "bool" -> PrimitiveType.BOOL;
            case "s8" -> PrimitiveType.S8;
            case "u8" -> PrimitiveType.U8;
            case "s16" -> PrimitiveType.S16;
            case "u16" -> PrimitiveType.U16;
            case "s32" -> PrimitiveType.S32;
            case "u32" -> PrimitiveType.U32;
            case "s64" -> PrimitiveType.S64;
            case "u64" -> PrimitiveType.U64;
            case "f32", "float32" -> PrimitiveType.F32;
            case "f64", "float64" -> PrimitiveType.F64;
            case "char" -> PrimitiveType.CHAR;
            case "string" -> PrimitiveType.STRING;
            case "error-context" -> PrimitiveType.ERROR_CONTEXT;
            default -> null;
        };
    }

    Deferred<ValType> valType(Cursor c, Hoist h) {
        Position at = c.position();
        if (RefParser.peekRef(c) || RefParser.peekTypeRef(c)) {
            Ref r = RefParser.typeRef(c);
            return s -> new ValType.Ref(s.resolve(ComponentSort.TYPE, r));
        }
        if (c.peekList()) {
            Cursor l = c.list();
            Deferred<DefinedType> inline = definedType(l.keyword(), l, at, h);
            Object key = new Object();
            h.types.add(Pending.of(inline::resolve, ComponentSort.TYPE, Optional.empty(), key));
            Ref r = new Ref.Generated(key, at);
            return s -> new ValType.Ref(s.resolve(ComponentSort.TYPE, r));
        }
        String k = c.keyword();
        PrimitiveType p = primitive(k);
        if (p == null) {
            throw new TextException(at, "expected a value type, found '" + k + "'");
        }
        return s -> p;
    }

    private Deferred<Optional<ValType>> optionalValType(Cursor c, Hoist h) {
        if (c.atEnd()) {
            return s -> Optional.empty();
        }
        Deferred<ValType> t = valType(c, h);
        return s -> Optional.of(t.resolve(s));
    }

    /** A defined value type; {@code c} is past the {@code head} keyword of its list. */
    Deferred<DefinedType> definedType(String head, Cursor c, Position at, Hoist h) {
        Deferred<DefinedType> t = switch (head) {
            case "record" -> {
                List<String> names = new ArrayList<>();
                List<Deferred<ValType>> types = new ArrayList<>();
                while (!c.atEnd()) {
                    Cursor f = c.list("field");
                    names.add(f.utf8());
                    types.add(valType(f, h));
                    f.expectEnd();
                }
                yield s -> {
                    List<DefinedType.Field> fields = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        fields.add(new DefinedType.Field(names.get(i), types.get(i).resolve(s)));
                    }
                    return new DefinedType.Record(fields);
                };
            }
            case "variant" -> {
                List<String> names = new ArrayList<>();
                List<Deferred<Optional<ValType>>> types = new ArrayList<>();
                java.util.Set<String> caseIds = new java.util.HashSet<>();
                while (!c.atEnd()) {
                    Cursor v = c.list("case");
                    var caseId = v.takeId();
                    if (caseId.isPresent() && !caseIds.add(caseId.get().name())) {
                        throw new TextException(caseId.get().position(), "duplicate variant case identifier");
                    }
                    names.add(v.utf8());
                    if (!v.atEnd() && !v.peekList("refines")) {
                        Deferred<ValType> vt = valType(v, h);
                        types.add(s -> Optional.of(vt.resolve(s)));
                    } else {
                        types.add(s -> Optional.empty());
                    }
                    if (v.peekList("refines")) {
                        throw v.error("variant case refinements are not supported");
                    }
                    v.expectEnd();
                }
                yield s -> {
                    List<DefinedType.Case> cases = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        cases.add(new DefinedType.Case(names.get(i), types.get(i).resolve(s)));
                    }
                    return new DefinedType.Variant(cases);
                };
            }
            case "list" -> {
                Deferred<ValType> e = valType(c, h);
                if (c.peekUnsigned()) {
                    int length = c.u32();
                    yield s -> new DefinedType.FixedList(e.resolve(s), length);
                }
                yield s -> new DefinedType.ListOf(e.resolve(s));
            }
            case "tuple" -> {
                List<Deferred<ValType>> types = new ArrayList<>();
                while (!c.atEnd()) {
                    types.add(valType(c, h));
                }
                yield s -> new DefinedType.Tuple(types.stream().map(d -> d.resolve(s)).toList());
            }
            case "flags", "enum" -> {
                List<String> names = new ArrayList<>();
                while (!c.atEnd()) {
                    names.add(c.utf8());
                }
                yield head.equals("flags") ? s -> new DefinedType.Flags(names) : s -> new DefinedType.Enum(names);
            }
            case "option" -> {
                Deferred<ValType> e = valType(c, h);
                yield s -> new DefinedType.Option(e.resolve(s));
            }
            case "result" -> {
                Deferred<Optional<ValType>> ok = s -> Optional.empty();
                if (!c.atEnd() && !c.peekList("error")) {
                    Deferred<ValType> t0 = valType(c, h);
                    ok = s -> Optional.of(t0.resolve(s));
                }
                Deferred<Optional<ValType>> err = s -> Optional.empty();
                if (c.peekList("error")) {
                    Cursor e = c.list("error");
                    Deferred<ValType> t1 = valType(e, h);
                    e.expectEnd();
                    err = s -> Optional.of(t1.resolve(s));
                }
                Deferred<Optional<ValType>> okF = ok;
                Deferred<Optional<ValType>> errF = err;
                yield s -> new DefinedType.Result(okF.resolve(s), errF.resolve(s));
            }
            case "own", "borrow" -> {
                Ref r = RefParser.ref(c);
                yield head.equals("own")
                        ? s -> new DefinedType.Own(s.resolve(ComponentSort.TYPE, r))
                        : s -> new DefinedType.Borrow(s.resolve(ComponentSort.TYPE, r));
            }
            case "stream", "future" -> {
                Deferred<Optional<ValType>> e = optionalValType(c, h);
                yield head.equals("stream")
                        ? s -> new DefinedType.Stream(e.resolve(s))
                        : s -> new DefinedType.Future(e.resolve(s));
            }
            case "map" -> {
                Deferred<ValType> k = valType(c, h);
                Deferred<ValType> v = valType(c, h);
                yield s -> new DefinedType.MapOf(k.resolve(s), v.resolve(s));
            }
            default -> throw new TextException(at, "unknown value type '" + head + "'");
        };
        c.expectEnd();
        return t;
    }

    /** {@code async? (param "n" t)* (result t)?}; {@code c} is past the {@code func} keyword. */
    Deferred<FuncType> funcType(Cursor c, Hoist h) {
        boolean async = c.takeKeyword("async");
        List<String> names = new ArrayList<>();
        List<Deferred<ValType>> types = new ArrayList<>();
        while (c.peekList("param")) {
            Cursor p = c.list("param");
            names.add(p.utf8());
            types.add(valType(p, h));
            p.expectEnd();
        }
        Deferred<Optional<ValType>> result = s -> Optional.empty();
        if (c.peekList("result")) {
            Cursor r = c.list("result");
            Deferred<Optional<ValType>> t = optionalValType(r, h);
            r.expectEnd();
            result = t;
        }
        Deferred<Optional<ValType>> resultF = result;
        return s -> {
            List<FuncType.Param> params = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                params.add(new FuncType.Param(names.get(i), types.get(i).resolve(s)));
            }
            return new FuncType(async, params, resultF.resolve(s));
        };
    }

    /** The body of {@code (type ...)} after id and inline exports. */
    Deferred<TypeDef> typeDef(Cursor c, Hoist h) {
        return typeDef(c, h, Optional.empty());
    }

    /** As {@link #typeDef(Cursor, Hoist)}; {@code id} names the scope of a component or instance type. */
    Deferred<TypeDef> typeDef(Cursor c, Hoist h, Optional<Scope.Name> scopeId) {
        Position at = c.position();
        if (!c.peekList()) {
            String k = c.keyword();
            PrimitiveType p = primitive(k);
            if (p == null) {
                throw new TextException(at, "expected a type definition, found '" + k + "'");
            }
            return s -> p;
        }
        String head = c.peekListHead().orElseThrow(() -> c.error("expected a type definition"));
        Cursor d = c.list(head);
        return switch (head) {
            case "func" -> {
                Deferred<FuncType> f = funcType(d, h);
                d.expectEnd();
                yield f::resolve;
            }
            case "component" -> s -> new ComponentType(decls(d, s, Scope.Kind.COMPONENT_TYPE, scopeId));
            case "instance" -> s -> new InstanceType(decls(d, s, Scope.Kind.INSTANCE_TYPE, scopeId));
            case "resource" -> resource(d);
            default -> definedType(head, d, at, h)::resolve;
        };
    }

    private Deferred<TypeDef> resource(Cursor c) {
        Cursor rep = c.list("rep");
        var repType = scope.coreTypes.valType(rep);
        rep.expectEnd();
        Ref dtor = null;
        if (c.peekList("dtor")) {
            Cursor d = c.list("dtor");
            dtor = RefParser.coreRef(d, "func", scope.syntax);
            d.expectEnd();
        }
        c.expectEnd();
        Ref dtorF = dtor;
        return s -> new ResourceType(repType,
                dtorF == null ? OptionalInt.empty() : OptionalInt.of(s.resolveCore(CoreSort.FUNC, dtorF)));
    }

    // ---- component and instance type declarators ----

    /** Parses declarators in a new scope under {@code outer} and returns them in order. */
    <T> List<T> decls(Cursor c, Scope outer, Scope.Kind kind, Optional<Scope.Name> typeName) {
        Scope inner = new Scope(kind, outer, typeName, c.position());
        TypeParser p = new TypeParser(inner);
        while (!c.atEnd()) {
            Position at = c.position();
            String head = c.peekListHead().orElseThrow(() -> c.error("expected a declarator"));
            Cursor d = c.list(head);
            Hoist h = new Hoist();
            Pending decl = switch (head) {
                case "core" -> {
                    d.expectKeyword("type");
                    yield new CoreTypeParser(inner).coreTypeField(d);
                }
                case "type" -> {
                    Optional<Scope.Name> name = Scope.Name.take(d);
                    if (AliasParser.peekSugar(d)) {
                        yield AliasParser.sugar(d.list("alias"), ComponentSort.TYPE, name);
                    }
                    Deferred<TypeDef> t = p.typeDef(d, h, name);
                    d.expectEnd();
                    yield Pending.of(t::resolve, ComponentSort.TYPE, name, null);
                }
                case "alias" -> AliasParser.alias(d);
                case "import" -> {
                    if (kind == Scope.Kind.INSTANCE_TYPE) {
                        throw new TextException(at, "instance types cannot declare imports");
                    }
                    ExternName name = ExternNameParser.externName(d);
                    Desc desc = p.externDesc(d, h);
                    d.expectEnd();
                    yield Pending.of(s -> new Import(name, desc.type().resolve(s)), desc.sort(), desc.name(), null);
                }
                case "export" -> {
                    ExternName name = ExternNameParser.externName(d);
                    Desc desc = p.externDesc(d, h);
                    d.expectEnd();
                    yield Pending.of(s -> new InstanceDecl.ExportDecl(name, desc.type().resolve(s)), desc.sort(),
                            desc.name(), null);
                }
                default -> throw new TextException(at, "unknown declarator '" + head + "'");
            };
            h.lowerWith(decl, inner);
        }
        return inner.decls();
    }

    // ---- extern descriptions ----

    /** An extern description: the sort it defines, its {@code $id} and its type. */
    record Desc(Sort sort, Optional<Scope.Name> name, Deferred<ExternType> type) {
    }

    /** {@code (core module ...)}, {@code (func ...)}, ... with an optional {@code $id}. */
    Desc externDesc(Cursor c, Hoist h) {
        Position at = c.position();
        String head = c.peekListHead().orElseThrow(() -> c.error("expected an extern description"));
        Cursor d = c.list(head);
        if (head.equals("core")) {
            d.expectKeyword("module");
            Optional<Scope.Name> name = Scope.Name.take(d);
            Ref t = moduleTypeUse(d, h);
            d.expectEnd();
            return new Desc(CoreSort.MODULE, name, s -> new ExternType.Module(s.resolve(CoreSort.TYPE, t)));
        }
        // in (value $x) the one identifier is the value type, not the value's name
        boolean typeOnly = head.equals("value") && d.peekId() && d.peekSecond().isEmpty();
        Optional<Scope.Name> name = typeOnly ? Optional.empty() : Scope.Name.take(d);
        Desc desc = externBody(head, name, d, at, h);
        d.expectEnd();
        return desc;
    }

    /** The rest of an extern description once its sort keyword and id are read. */
    Desc externBody(String head, Optional<Scope.Name> name, Cursor d, Position at, Hoist h) {
        return switch (head) {
            case "func" -> {
                Ref t = typeUse(d, h, "func");
                yield new Desc(ComponentSort.FUNC, name, s -> new ExternType.Func(s.resolve(ComponentSort.TYPE, t)));
            }
            case "component" -> {
                Ref t = typeUse(d, h, "component");
                yield new Desc(ComponentSort.COMPONENT, name,
                        s -> new ExternType.Component(s.resolve(ComponentSort.TYPE, t)));
            }
            case "instance" -> {
                Ref t = typeUse(d, h, "instance");
                yield new Desc(ComponentSort.INSTANCE, name,
                        s -> new ExternType.Instance(s.resolve(ComponentSort.TYPE, t)));
            }
            case "value" -> {
                Deferred<ValType> t = valType(d, h);
                yield new Desc(ComponentSort.VALUE, name, s -> new ExternType.Value(t.resolve(s)));
            }
            case "type" -> {
                if (d.peekList("sub")) {
                    Cursor sub = d.list("sub");
                    sub.expectKeyword("resource");
                    sub.expectEnd();
                    yield new Desc(ComponentSort.TYPE, name,
                            s -> new ExternType.Type(new ExternType.TypeBound.SubResource()));
                }
                Cursor eq = d.list("eq");
                Ref t = RefParser.ref(eq);
                eq.expectEnd();
                yield new Desc(ComponentSort.TYPE, name,
                        s -> new ExternType.Type(new ExternType.TypeBound.Eq(s.resolve(ComponentSort.TYPE, t))));
            }
            default -> throw new TextException(at, "unknown extern description '" + head + "'");
        };
    }

    /**
     * A type use of a component-level function, component or instance: {@code (type idx)} or an
     * inline type, which becomes a generated type definition.
     */
    Ref typeUse(Cursor c, Hoist h, String kind) {
        Position at = c.position();
        if (RefParser.peekTypeRef(c)) {
            Cursor t = c.list("type");
            Ref r = RefParser.ref(t);
            t.expectEnd();
            return r;
        }
        Deferred<TypeDef> inline = switch (kind) {
            case "func" -> funcType(c, h)::resolve;
            case "component" -> {
                List<SExpr> rest = c.rest();
                yield s -> new ComponentType(decls(new Cursor(rest, c.end()), s, Scope.Kind.COMPONENT_TYPE, Optional.empty()));
            }
            case "instance" -> {
                List<SExpr> rest = c.rest();
                yield s -> new InstanceType(decls(new Cursor(rest, c.end()), s, Scope.Kind.INSTANCE_TYPE, Optional.empty()));
            }
            default -> throw new IllegalArgumentException(kind);
        };
        Object key = new Object();
        h.types.add(Pending.of(inline::resolve, ComponentSort.TYPE, Optional.empty(), key));
        return new Ref.Generated(key, at);
    }

    /** {@code (type idx)} or inline module type declarators, lifted into a generated core type. */
    Ref moduleTypeUse(Cursor c, Hoist h) {
        Position at = c.position();
        if (RefParser.peekTypeRef(c)) {
            Cursor t = c.list("type");
            Ref r = RefParser.ref(t);
            t.expectEnd();
            return r;
        }
        List<SExpr> rest = c.rest();
        Object key = new Object();
        h.types.add(Pending.of(s -> CoreTypeParser.moduleType(new Cursor(rest, c.end()), s, Optional.empty()), CoreSort.TYPE, Optional.empty(), key));
        return new Ref.Generated(key, at);
    }

}
