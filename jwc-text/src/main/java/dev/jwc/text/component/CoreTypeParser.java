package dev.jwc.text.component;

import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.CoreType;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
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

/**
 * Core types in a component: function and GC types (through the core type syntax), recursion groups and
 * module types, whose inline function types become type declarators unless an explicit type matches.
 */
final class CoreTypeParser {
    private final Scope scope;

    CoreTypeParser(Scope scope) {
        this.scope = scope;
    }


    /** {@code (core type $id? ...)} after {@code type}. */
    Pending coreTypeField(Cursor c) {
        Optional<Scope.Name> name = Scope.Name.take(c);
        if (AliasParser.peekSugar(c)) {
            return AliasParser.sugar(c.list("alias"), CoreSort.TYPE, name);
        }
        if (c.peekList("module")) {
            Cursor m = c.list("module");
            c.expectEnd();
            return Pending.of(s -> moduleType(m, s, name), CoreSort.TYPE, name, null);
        }
        // the type's own name is in scope in its definition (GC types may refer to themselves)
        int self = scope.coreTypes.declareType(name.flatMap(Scope.Name::token));
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
    static CoreType moduleType(Cursor c, Scope outer, Optional<Scope.Name> typeName) {
        Scope inner = new Scope(Scope.Kind.MODULE_TYPE, outer, typeName, c.position());
        Map<FuncType, Integer> funcTypes = new HashMap<>();
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
                    if (t.composite() instanceof FuncType f) {
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
                    inner.add(new CoreType.ModuleDecl.Import(new Import(module, name, t)));
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
    private static EntityType entityType(Cursor c, Scope inner, Map<FuncType, Integer> funcTypes) {
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

    private static int funcTypeUse(Cursor c, Scope inner, Map<FuncType, Integer> funcTypes) {
        if (c.peekList("type")) {
            Cursor t = c.list("type");
            int index = inner.coreTypes.typeIndex(t);
            t.expectEnd();
            // an inline signature after the index only restates the type
            inner.coreTypes.signature(c);
            return index;
        }
        FuncType f = inner.coreTypes.signature(c);
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
