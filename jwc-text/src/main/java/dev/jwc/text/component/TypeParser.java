package dev.jwc.text.component;

import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.CoreType;
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
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Component types in the text format: value types, defined types, function, component, instance and
 * resource types, extern descriptions and core types (including module types). Inline types in value
 * positions and type uses are lifted into generated definitions ({@link Hoist}) as wasm-tools expands
 * them; the bodies of component, instance and module types are parsed in their own scope when defined.
 */
final class TypeParser {
    private final Scope scope;

    TypeParser(Scope scope) {
        this.scope = scope;
    }

    // ---- references ----

    /** {@code $id} or a u32, followed by export names (the alias sugar). */
    static Ref ref(Cursor c) {
        Position at = c.position();
        Ref base;
        if (c.peekId()) {
            base = new Ref.Named(c.id().name(), at, List.of());
        } else if (c.peekUnsigned()) {
            base = new Ref.Numbered(c.u32(), at, List.of());
        } else {
            throw c.error("expected an index or identifier");
        }
        List<String> names = new ArrayList<>();
        while (c.peekString()) {
            names.add(c.utf8());
        }
        return names.isEmpty() ? base : switch (base) {
            case Ref.Named n -> new Ref.Named(n.name(), at, names);
            case Ref.Numbered n -> new Ref.Numbered(n.index(), at, names);
            case Ref.Generated g -> g;
        };
    }

    /** Whether {@code (type idx)} (a reference, not a type declarator) comes next. */
    static boolean peekTypeRef(Cursor c) {
        return c.peek().orElse(null) instanceof dev.jwc.text.sexpr.SExpr.SList l
                && l.head().filter("type"::equals).isPresent() && l.items().size() == 2
                && l.items().get(1) instanceof dev.jwc.text.sexpr.SExpr.SAtom(var t)
                && (t instanceof dev.jwc.text.lex.Token.Id || t instanceof dev.jwc.text.lex.Token.IntegerLiteral);
    }

    static boolean peekRef(Cursor c) {
        return c.peekId() || c.peekUnsigned();
    }

    /** A core item reference: {@code idx "name"?} or {@code (core sort idx "name"?)}. */
    static Ref coreRef(Cursor c, String sort) {
        if (c.peekList("core")) {
            Cursor l = c.list("core");
            l.expectKeyword(sort);
            Ref r = ref(l);
            l.expectEnd();
            return r;
        }
        return ref(c);
    }

    /** A type reference: {@code idx} or {@code (type idx)}. */
    static Ref typeRef(Cursor c) {
        if (c.peekList("type")) {
            Cursor l = c.list("type");
            Ref r = ref(l);
            l.expectEnd();
            return r;
        }
        return ref(c);
    }

    // ---- names ----

    /** An import or export name with its attributes. */
    static ExternName externName(Cursor c) {
        String name;
        if (c.peekList("interface")) {
            Cursor l = c.list("interface");
            name = l.utf8();
            l.expectEnd();
        } else {
            name = c.utf8();
        }
        List<ExternName.Attribute> attributes = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (true) {
            String attribute = c.peekListHead().orElse("");
            if (!seen.add(attribute)) {
                throw c.error("unexpected token: duplicate '" + attribute + "' attribute");
            }
            if (c.peekList("implements")) {
                Cursor l = c.list("implements");
                attributes.add(new ExternName.Attribute.Implements(l.utf8()));
                l.expectEnd();
            } else if (c.peekList("versionsuffix")) {
                Cursor l = c.list("versionsuffix");
                attributes.add(new ExternName.Attribute.VersionSuffix(l.utf8()));
                l.expectEnd();
            } else if (c.peekList("external-id")) {
                Cursor l = c.list("external-id");
                attributes.add(new ExternName.Attribute.ExternalId(l.utf8()));
                l.expectEnd();
            } else {
                break;
            }
        }
        return attributes.isEmpty() ? ExternName.of(name)
                : new ExternName(name, ExternName.Form.WITH_ATTRIBUTES, attributes);
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
        if (peekRef(c) || peekTypeRef(c)) {
            Ref r = typeRef(c);
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
                Ref r = ref(c);
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
    Deferred<TypeDef> typeDef(Cursor c, Hoist h, Optional<Scope.Name> id) {
        Optional<String> scopeId = id.map(Scope.Name::text);
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
            if (d.peekList("func")) {
                Cursor f = d.list("func");
                dtor = ref(f);
                f.expectEnd();
            } else {
                dtor = coreRef(d, "func");
            }
            d.expectEnd();
        }
        c.expectEnd();
        Ref dtorF = dtor;
        return s -> new ResourceType(repType,
                dtorF == null ? OptionalInt.empty() : OptionalInt.of(s.resolveCore(CoreSort.FUNC, dtorF)));
    }

    // ---- component and instance type declarators ----

    /** Parses declarators in a new scope under {@code outer} and returns them in order. */
    <T> List<T> decls(Cursor c, Scope outer, Scope.Kind kind, Optional<String> id) {
        Scope inner = new Scope(kind, outer, id, c.position());
        TypeParser p = new TypeParser(inner);
        while (!c.atEnd()) {
            Position at = c.position();
            String head = c.peekListHead().orElseThrow(() -> c.error("expected a declarator"));
            Cursor d = c.list(head);
            Hoist h = new Hoist();
            Pending decl = switch (head) {
                case "core" -> {
                    d.expectKeyword("type");
                    yield p.coreTypeField(d);
                }
                case "type" -> {
                    Optional<Scope.Name> name = Scope.Name.of(d.takeId());
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
                    ExternName name = externName(d);
                    Desc desc = p.externDesc(d, h);
                    d.expectEnd();
                    yield Pending.of(s -> new Import(name, desc.type().resolve(s)), desc.sort(), desc.name(), null);
                }
                case "export" -> {
                    ExternName name = externName(d);
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
            Optional<Scope.Name> name = Scope.Name.of(d.takeId());
            Ref t = moduleTypeUse(d, h);
            d.expectEnd();
            return new Desc(CoreSort.MODULE, name, s -> new ExternType.Module(s.resolve(CoreSort.TYPE, t)));
        }
        // in (value $x) the one identifier is the value type, not the value's name
        boolean typeOnly = head.equals("value") && d.peekId() && d.peekSecond().isEmpty();
        Optional<Scope.Name> name = typeOnly ? Optional.empty() : Scope.Name.of(d.takeId());
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
                Ref t = ref(eq);
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
        if (peekTypeRef(c)) {
            Cursor t = c.list("type");
            Ref r = ref(t);
            t.expectEnd();
            return r;
        }
        Deferred<TypeDef> inline = switch (kind) {
            case "func" -> funcType(c, h)::resolve;
            case "component" -> {
                List<dev.jwc.text.sexpr.SExpr> rest = c.rest();
                yield s -> new ComponentType(decls(new Cursor(rest, c.end()), s, Scope.Kind.COMPONENT_TYPE, Optional.empty()));
            }
            case "instance" -> {
                List<dev.jwc.text.sexpr.SExpr> rest = c.rest();
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
        if (peekTypeRef(c)) {
            Cursor t = c.list("type");
            Ref r = ref(t);
            t.expectEnd();
            return r;
        }
        List<dev.jwc.text.sexpr.SExpr> rest = c.rest();
        Object key = new Object();
        h.types.add(Pending.of(s -> moduleType(new Cursor(rest, c.end()), s, Optional.empty()), CoreSort.TYPE, Optional.empty(), key));
        return new Ref.Generated(key, at);
    }

    // ---- core types ----

    /** {@code (core type $id? ...)} after {@code type}. */
    Pending coreTypeField(Cursor c) {
        Optional<Scope.Name> name = Scope.Name.of(c.takeId());
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), CoreSort.TYPE, name);
        }
        if (c.peekList("module")) {
            Cursor m = c.list("module");
            c.expectEnd();
            return Pending.of(s -> moduleType(m, s, name.map(Scope.Name::text)), CoreSort.TYPE, name, null);
        }
        // the type's own name is in scope in its definition (GC types may refer to themselves)
        int self = scope.coreTypes.declareType(name.map(n -> new dev.jwc.text.lex.Token.Id(n.text(), n.position())));
        SubType t = scope.coreTypes.subType(c, self);
        c.expectEnd();
        return Pending.of(s -> new CoreType.Rec(RecGroup.single(t)), CoreSort.TYPE, name, null);
    }

    /** {@code (core rec (type ...)*)}: one recursion group defining several core types. */
    List<Pending> coreRec(Cursor c) {
        List<SubType> types = new ArrayList<>();
        List<Optional<Scope.Name>> names = new ArrayList<>();
        int next = scope.coreTypes.typeCount();
        List<Cursor> bodies = new ArrayList<>();
        while (!c.atEnd()) {
            Cursor t = c.list("type");
            var id = t.takeId();
            names.add(Scope.Name.of(id));
            scope.coreTypes.declareType(id);
            bodies.add(t);
        }
        for (Cursor t : bodies) {
            types.add(scope.coreTypes.subType(t, next++));
            t.expectEnd();
        }
        List<Pending> out = new ArrayList<>();
        CoreType group = new CoreType.Rec(new RecGroup(types, true));
        if (types.isEmpty()) {
            out.add(Pending.plain(s -> group));
        }
        for (int i = 0; i < types.size(); i++) {
            out.add(i == 0 ? Pending.of(s -> group, CoreSort.TYPE, names.get(i), null)
                    : new Pending(s -> Pending.NOTHING, CoreSort.TYPE, names.get(i), null));
        }
        return out;
    }

    /** A module type: its declarators in a new scope; inline function types are interned. */
    static CoreType moduleType(Cursor c, Scope outer, Optional<String> id) {
        Scope inner = new Scope(Scope.Kind.MODULE_TYPE, outer, id, c.position());
        Map<dev.jwc.binary.core.types.FuncType, Integer> funcTypes = new HashMap<>();
        while (!c.atEnd()) {
            Position at = c.position();
            String head = c.peekListHead().orElseThrow(() -> c.error("expected a module type declarator"));
            Cursor d = c.list(head);
            switch (head) {
                case "type" -> {
                    var typeId = d.takeId();
                    Optional<Scope.Name> name = Scope.Name.of(typeId);
                    int index = inner.coreTypes.declareType(typeId);
                    SubType t = inner.coreTypes.subType(d, index);
                    d.expectEnd();
                    if (t.composite() instanceof dev.jwc.binary.core.types.FuncType f) {
                        funcTypes.putIfAbsent(f, index);
                    }
                    inner.emit(new CoreType.ModuleDecl.TypeDecl(RecGroup.single(t)), CoreSort.TYPE, name, null);
                }
                case "rec" -> {
                    List<Cursor> bodies = new ArrayList<>();
                    List<Optional<Scope.Name>> names = new ArrayList<>();
                    int first = inner.coreTypes.typeCount();
                    while (!d.atEnd()) {
                        Cursor t = d.list("type");
                        var typeId = t.takeId();
                        names.add(Scope.Name.of(typeId));
                        inner.coreTypes.declareType(typeId);
                        bodies.add(t);
                    }
                    List<SubType> group = new ArrayList<>();
                    for (Cursor t : bodies) {
                        group.add(inner.coreTypes.subType(t, first + group.size()));
                        t.expectEnd();
                    }
                    inner.add(new CoreType.ModuleDecl.TypeDecl(new RecGroup(group, true)));
                    names.forEach(n -> inner.define(CoreSort.TYPE, n, null));
                }
                case "alias" -> AliasParser.coreTypeAlias(d).lower(inner);
                case "import" -> {
                    String module = d.utf8();
                    String name = d.utf8();
                    EntityType t = entityType(d, inner, funcTypes);
                    d.expectEnd();
                    inner.add(new CoreType.ModuleDecl.Import(new dev.jwc.binary.core.Import(module, name, t)));
                }
                case "export" -> {
                    String name = d.utf8();
                    EntityType t = entityType(d, inner, funcTypes);
                    d.expectEnd();
                    inner.add(new CoreType.ModuleDecl.Export(name, t));
                }
                default -> throw new TextException(at, "unknown module type declarator '" + head + "'");
            }
        }
        return new CoreType.Module(inner.decls());
    }

    /** A core import or export description in a module type; defines interned function types first. */
    private static EntityType entityType(Cursor c, Scope inner, Map<dev.jwc.binary.core.types.FuncType, Integer> funcTypes) {
        Position at = c.position();
        String head = c.peekListHead().orElseThrow(() -> c.error("expected an import description"));
        Cursor d = c.list(head);
        d.takeId();
        EntityType t = switch (head) {
            case "func" -> new EntityType.Func(funcTypeUse(d, inner, funcTypes));
            case "tag" -> new TagType(funcTypeUse(d, inner, funcTypes));
            case "table" -> inner.coreTypes.tableType(d);
            case "memory" -> inner.coreTypes.memoryType(d);
            case "global" -> inner.coreTypes.globalType(d);
            default -> throw new TextException(at, "unknown import description '" + head + "'");
        };
        d.expectEnd();
        return t;
    }

    private static int funcTypeUse(Cursor c, Scope inner, Map<dev.jwc.binary.core.types.FuncType, Integer> funcTypes) {
        if (c.peekList("type")) {
            Cursor t = c.list("type");
            int index = inner.coreTypes.typeIndex(t);
            t.expectEnd();
            // an inline signature after the index only restates the type
            inner.coreTypes.signature(c);
            return index;
        }
        dev.jwc.binary.core.types.FuncType f = inner.coreTypes.signature(c);
        // explicit types are reused; generated ones are not (as wasm-tools does)
        Integer known = funcTypes.get(f);
        if (known != null) {
            return known;
        }
        int index = inner.emit(new CoreType.ModuleDecl.TypeDecl(RecGroup.single(SubType.plain(f))), CoreSort.TYPE,
                Optional.empty(), null);
        return index;
    }
}
