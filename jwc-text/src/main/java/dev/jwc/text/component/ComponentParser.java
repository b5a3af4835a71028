package dev.jwc.text.component;

import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.ExternType;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.binary.core.CoreReader;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.core.CoreModuleParser;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one component, expanded as wasm-tools expands them (inline exports become exports at
 * the end, inline imports become imports, inline types and export bundles become definitions right
 * before their field, {@code (func (canon lift ...))} becomes a {@code canon}) and defined in order.
 */
final class ComponentParser {
    private final Scope scope;
    private final TypeParser types;
    private final List<Pending> appended = new ArrayList<>();
    private boolean started;

    private ComponentParser(Scope scope) {
        this.scope = scope;
        this.types = new TypeParser(scope);
    }

    /** Parses the fields in {@code c} into a component nested in {@code parent}. */
    static Component parse(Cursor c, Scope parent, Optional<Scope.Name> name) {
        return parse(new Scope(Scope.Kind.COMPONENT, parent, name, c.position()), c);
    }

    /** Parses the fields in {@code c} into a top-level component. */
    static Component parseTopLevel(Cursor c, Optional<Scope.Name> name, IndexSyntax syntax) {
        return parse(new Scope(syntax, name), c);
    }

    private static Component parse(Scope scope, Cursor c) {
        ComponentParser p = new ComponentParser(scope);
        while (!c.atEnd()) {
            Hoist h = new Hoist();
            Pending main = p.field(c, h);
            h.lowerWith(main, scope);
        }
        p.appended.forEach(e -> e.lower(scope));
        return scope.component();
    }

    private Pending field(Cursor fields, Hoist h) {
        Position at = fields.position();
        String head = fields.peekListHead().orElseThrow(() -> fields.error("expected a component field"));
        Cursor c = fields.list(head);
        return switch (head) {
            case "core" -> coreField(c, at, h);
            case "component" -> component(c, at, h);
            case "instance" -> instance(c, h);
            case "alias" -> AliasParser.alias(c);
            case "type" -> type(c, h);
            case "canon" -> canon(c, h);
            case "func" -> func(c, h);
            case "start" -> start(c, h);
            case "import" -> {
                ExternName name = ExternNameParser.externName(c);
                TypeParser.Desc desc = types.externDesc(c, h);
                c.expectEnd();
                yield Pending.of(s -> new Import(name, desc.type().resolve(s)), desc.sort(), desc.name(), null);
            }
            case "export" -> export(c, h);
            default -> throw new TextException(at, "unknown component field '" + head + "'");
        };
    }

    private Pending coreField(Cursor c, Position at, Hoist h) {
        String kind = c.keyword();
        return switch (kind) {
            case "module" -> coreModule(c, at, h);
            case "instance" -> coreInstance(c, h);
            case "type" -> new CoreTypeParser(scope).coreTypeField(c);
            case "rec" -> {
                List<Pending> group = new CoreTypeParser(scope).coreRec(c);
                for (int i = 0; i < group.size() - 1; i++) {
                    h.fields.add(group.get(i));
                }
                yield group.get(group.size() - 1);
            }
            case "func" -> coreFunc(c, h);
            default -> throw new TextException(at, "unknown core field '" + kind + "'");
        };
    }

    // ---- inline exports and imports ----

    /** Whether {@code (export "name" attrs*)} with nothing else comes next. */
    private static boolean peekInlineExport(Cursor c) {
        return peekInline(c, "export");
    }

    /** Whether {@code (keyword "name" attrs*)} with nothing else comes next. */
    private static boolean peekInline(Cursor c, String keyword) {
        if (!(c.peek().orElse(null) instanceof SExpr.SList l) || !l.head().filter(keyword::equals).isPresent()) {
            return false;
        }
        List<SExpr> items = l.items();
        if (items.size() < 2 || !(items.get(1) instanceof SExpr.SAtom(Token.StringLiteral s))) {
            return false;
        }
        for (SExpr e : items.subList(2, items.size())) {
            if (!(e instanceof SExpr.SList a) || !a.head().filter(h -> h.equals("implements")
                    || h.equals("versionsuffix") || h.equals("external-id")).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** Reads the inline exports of a definition; they are defined after every field, as exports of it. */
    private Object inlineExports(Cursor c, Sort sort) {
        Object key = new Object();
        while (peekInlineExport(c)) {
            Position at = c.position();
            Cursor e = c.list("export");
            ExternName name = ExternNameParser.externName(e);
            e.expectEnd();
            Ref ref = new Ref.Generated(key, at);
            appended.add(Pending.of(s -> new Export(name, sort, s.resolve(sort, ref), Optional.empty()), sort,
                    Optional.empty(), null));
        }
        return key;
    }

    /** {@code (import "name" attrs*)} if it comes next. */
    private static Optional<ExternName> inlineImport(Cursor c) {
        if (!peekInline(c, "import")) {
            return Optional.empty();
        }
        Cursor i = c.list("import");
        ExternName name = ExternNameParser.externName(i);
        i.expectEnd();
        return Optional.of(name);
    }

    // ---- definitions ----

    private Pending coreModule(Cursor c, Position at, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        Object key = inlineExports(c, CoreSort.MODULE);
        Optional<ExternName> imported = inlineImport(c);
        if (imported.isPresent()) {
            Ref type = types.moduleTypeUse(c, h);
            c.expectEnd();
            return Pending.of(s -> new Import(imported.get(), new ExternType.Module(s.resolve(CoreSort.TYPE, type))),
                    CoreSort.MODULE, name, key);
        }
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), CoreSort.MODULE, name).withKey(key);
        }
        if (c.takeKeyword("binary")) {
            byte[] bytes = ComponentTextParser.strings(c);
            try {
                var module = new CoreModuleBinary(bytes, 0, CoreReader.read(bytes));
                return Pending.of(s -> module, CoreSort.MODULE, name, key);
            } catch (DecodeException e) {
                throw new TextException(at, "malformed core module binary: " + e.getMessage());
            }
        }
        var module = CoreModuleParser.parseFields(name.map(Scope.Name::shown), c);
        return Pending.of(s -> CoreModuleBinary.of(module), CoreSort.MODULE, name, key);
    }

    private Pending coreInstance(Cursor c, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        if (c.peekList("instantiate")) {
            Deferred<CoreInstance> instantiate = InstanceParser.coreInstantiate(c.list("instantiate"), h);
            c.expectEnd();
            return Pending.of(instantiate::resolve, CoreSort.INSTANCE, name, null);
        }
        Deferred<CoreInstance> bundle = InstanceParser.coreExports(c);
        return Pending.of(bundle::resolve, CoreSort.INSTANCE, name, null);
    }

    private Pending component(Cursor c, Position at, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        Object key = inlineExports(c, ComponentSort.COMPONENT);
        Optional<ExternName> imported = inlineImport(c);
        if (imported.isPresent()) {
            Ref type = types.typeUse(c, h, "component");
            c.expectEnd();
            return Pending.of(s -> new Import(imported.get(), new ExternType.Component(s.resolve(ComponentSort.TYPE, type))),
                    ComponentSort.COMPONENT, name, key);
        }
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), ComponentSort.COMPONENT, name).withKey(key);
        }
        List<SExpr> body = c.rest();
        Position end = c.end();
        return Pending.of(s -> parse(new Cursor(body, end), s, name), ComponentSort.COMPONENT, name, key);
    }

    private Pending instance(Cursor c, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        Object key = inlineExports(c, ComponentSort.INSTANCE);
        Optional<ExternName> imported = inlineImport(c);
        if (imported.isPresent()) {
            Ref type = types.typeUse(c, h, "instance");
            c.expectEnd();
            return Pending.of(s -> new Import(imported.get(), new ExternType.Instance(s.resolve(ComponentSort.TYPE, type))),
                    ComponentSort.INSTANCE, name, key);
        }
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), ComponentSort.INSTANCE, name).withKey(key);
        }
        if (c.peekList("instantiate")) {
            Deferred<Instance> instantiate = InstanceParser.instantiate(c.list("instantiate"), h);
            c.expectEnd();
            return Pending.of(instantiate::resolve, ComponentSort.INSTANCE, name, key);
        }
        Deferred<Instance> bundle = InstanceParser.exports(c);
        return Pending.of(bundle::resolve, ComponentSort.INSTANCE, name, key);
    }

    private Pending type(Cursor c, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        Object key = inlineExports(c, ComponentSort.TYPE);
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), ComponentSort.TYPE, name).withKey(key);
        }
        Deferred<TypeDef> t = types.typeDef(c, h, name);
        c.expectEnd();
        return Pending.of(t::resolve, ComponentSort.TYPE, name, key);
    }

    private Pending canon(Cursor c, Hoist h) {
        Position at = c.position();
        String op = c.keyword();
        if (op.equals("lift")) {
            CanonParser.Lift lift = CanonParser.lift(c, scope.syntax);
            Cursor f = c.list("func");
            Optional<Scope.Name> name = Scope.Name.take(f);
            Ref type = types.typeUse(f, h, "func");
            f.expectEnd();
            c.expectEnd();
            return Pending.of(lift.withType(type)::resolve, ComponentSort.FUNC, name, null);
        }
        Deferred<Canon> canon = CanonParser.coreFunc(op, c, types, h);
        Optional<Scope.Name> name = Optional.empty();
        if (!c.atEnd()) {
            Cursor f = c.list("core");
            f.expectKeyword("func");
            name = Scope.Name.take(f);
            f.expectEnd();
        }
        if (!c.atEnd()) {
            throw new TextException(at, "unexpected items after canonical function");
        }
        return Pending.of(canon::resolve, CoreSort.FUNC, name, null);
    }

    private Pending coreFunc(Cursor c, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), CoreSort.FUNC, name);
        }
        Cursor canon = c.list("canon");
        String op = canon.keyword();
        Deferred<Canon> d = CanonParser.coreFunc(op, canon, types, h);
        canon.expectEnd();
        c.expectEnd();
        return Pending.of(d::resolve, CoreSort.FUNC, name, null);
    }

    private Pending func(Cursor c, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        Object key = inlineExports(c, ComponentSort.FUNC);
        Optional<ExternName> imported = inlineImport(c);
        if (imported.isPresent()) {
            Ref type = types.typeUse(c, h, "func");
            c.expectEnd();
            return Pending.of(s -> new Import(imported.get(), new ExternType.Func(s.resolve(ComponentSort.TYPE, type))),
                    ComponentSort.FUNC, name, key);
        }
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), ComponentSort.FUNC, name).withKey(key);
        }
        // (func (type $t)? (param ...)* (result ...)? (canon lift ...)): the canon comes last
        List<SExpr> rest = c.rest();
        if (rest.isEmpty() || !(rest.get(rest.size() - 1) instanceof SExpr.SList last)
                || !last.head().filter("canon"::equals).isPresent()) {
            throw c.error("expected '(canon lift ...)'");
        }
        Cursor typeUse = new Cursor(rest.subList(0, rest.size() - 1), last.position());
        Ref type = types.typeUse(typeUse, h, "func");
        typeUse.expectEnd();
        Cursor canon = last.cursor();
        canon.expectKeyword("canon");
        canon.expectKeyword("lift");
        CanonParser.Lift lift = CanonParser.lift(canon, scope.syntax);
        canon.expectEnd();
        return Pending.of(lift.withType(type)::resolve, ComponentSort.FUNC, name, key);
    }

    private Pending start(Cursor c, Hoist h) {
        if (started) {
            throw c.error("component cannot have more than one start function");
        }
        started = true;
        Ref func = RefParser.ref(c);
        List<Ref> args = new ArrayList<>();
        while (c.peekList("value")) {
            Cursor v = c.list("value");
            args.add(RefParser.ref(v));
            v.expectEnd();
        }
        int results = 0;
        while (c.peekList("result")) {
            Cursor r = c.list("result");
            Cursor v = r.list("value");
            // start results take their names but get no name-section entries (as in wasm-tools)
            Optional<Scope.Name> name = Scope.Name.take(v);
            h.after.add(Pending.plain(s -> {
                s.defineUnlisted(ComponentSort.VALUE, name);
                return Pending.NOTHING;
            }));
            v.expectEnd();
            r.expectEnd();
            results++;
        }
        c.expectEnd();
        int resultCount = results;
        return Pending.plain(s -> {
            int f = s.resolve(ComponentSort.FUNC, func);
            List<Integer> resolved = new ArrayList<>();
            for (Ref a : args) {
                resolved.add(s.resolve(ComponentSort.VALUE, a));
            }
            return new Section.Start(f, resolved, resultCount);
        });
    }

    private Pending export(Cursor c, Hoist h) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        ExternName exported = ExternNameParser.externName(c);
        Position at = c.position();
        Cursor item = c.list();
        Sort sort = AliasParser.sort(item, at);
        Ref ref = RefParser.ref(item);
        item.expectEnd();
        Optional<TypeParser.Desc> ascribed = Optional.empty();
        if (!c.atEnd()) {
            Position descAt = c.position();
            String head = c.peekListHead().orElseThrow(() -> c.error("expected an export type"));
            Cursor d = c.list(head);
            if (head.equals("core")) {
                d.expectKeyword("module");
                Ref t = types.moduleTypeUse(d, h);
                d.expectEnd();
                ascribed = Optional.of(new TypeParser.Desc(CoreSort.MODULE, Optional.empty(),
                        s -> new ExternType.Module(s.resolve(CoreSort.TYPE, t))));
            } else {
                d.takeId();
                ascribed = Optional.of(types.externBody(head, Optional.empty(), d, descAt, h));
                d.expectEnd();
            }
        }
        c.expectEnd();
        Optional<TypeParser.Desc> ascribedF = ascribed;
        return Pending.of(s -> {
            Optional<ExternType> type = ascribedF.map(d -> d.type().resolve(s));
            return new Export(exported, sort, s.resolve(sort, ref), type);
        }, sort, name, null);
    }
}
