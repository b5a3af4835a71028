package dev.jwc.binary.validate;

import dev.jwc.binary.Feature;
import dev.jwc.binary.component.CoreType;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.Global;
import dev.jwc.binary.core.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Core-level typing in components: module signatures, module types, core index spaces. */
final class CoreModules {
    private CoreModules() {
    }

    /** Adds a core type definition (every type of a recursion group, or a module type) to {@code s}. */
    static void addCoreType(Context cx, Scope s, CoreType type) {
        switch (type) {
            case CoreType.Rec r -> {
                int count = s.coreTypes.size() + selfReferable(cx, r.group().types().size());
                for (SubType t : r.group().types()) {
                    CoreTypeRules.subType(cx, t, count, i -> i < s.coreTypes.size()
                            && s.coreTypes.get(i) instanceof CoreDefType.Module);
                }
                int start = s.coreTypes.size();
                r.group().types().forEach(t -> s.coreTypes.add(new CoreDefType.Sub(t)));
                for (int i = 0; i < r.group().types().size(); i++) {
                    CoreTypeRules.supertypes(cx, r.group().types().get(i), start + i, s.coreTypeSpace());
                }
            }
            case CoreType.Module m -> s.coreTypes.add(new CoreDefType.Module(moduleType(cx, s, m)));
        }
    }

    /** How many types of a recursion group its own types may refer to: all with GC, none (only earlier ones) without. */
    private static int selfReferable(Context cx, int groupSize) {
        return cx.has(Feature.GC) ? groupSize : 0;
    }

    private static ModuleSignature moduleType(Context cx, Scope s, CoreType.Module m) {
        List<SubType> localTypes = new ArrayList<>();
        List<ModuleSignature.CoreImport> imports = new ArrayList<>();
        Set<String> importNames = new HashSet<>();
        Map<String, CoreEntity> exports = new LinkedHashMap<>();
        for (CoreType.ModuleDecl d : m.decls()) {
            switch (d) {
                case CoreType.ModuleDecl.TypeDecl t -> {
                    int count = localTypes.size() + selfReferable(cx, t.group().types().size());
                    t.group().types().forEach(sub -> CoreTypeRules.subType(cx, sub, count, i -> false));
                    int start = localTypes.size();
                    localTypes.addAll(t.group().types());
                    for (int i = 0; i < t.group().types().size(); i++) {
                        CoreTypeRules.supertypes(cx, t.group().types().get(i), start + i, CoreTypeSpace.of(localTypes));
                    }
                }
                case CoreType.ModuleDecl.OuterAlias a -> {
                    // Count 1 is the scope that defines the module type.
                    if (a.count() == 0 || Integer.compareUnsigned(a.count() - 1, s.depth()) > 0) {
                        throw cx.fail("invalid outer alias count of " + Integer.toUnsignedString(a.count()));
                    }
                    Scope target = s.outer(a.count() - 1);
                    CoreDefType outer = TypeResolver.at(cx, target.coreTypes, a.index(), "core type", "type");
                    if (!(outer instanceof CoreDefType.Sub sub)) {
                        throw cx.fail("type index " + Integer.toUnsignedString(a.index()) + " is a module type");
                    }
                    localTypes.add(sub.type());
                }
                case CoreType.ModuleDecl.Import i -> {
                    Import imp = i.imported();
                    if (!importNames.add(imp.module() + "\0" + imp.name())) {
                        throw cx.fail("duplicate import name `" + imp.module() + ":" + imp.name() + "`");
                    }
                    imports.add(new ModuleSignature.CoreImport(imp.module(), imp.name(),
                            entity(cx, localTypes, imp.type())));
                }
                case CoreType.ModuleDecl.Export e -> {
                    if (exports.putIfAbsent(e.name(), entity(cx, localTypes, e.type())) != null) {
                        throw cx.fail("export name `" + e.name() + "` already defined");
                    }
                }
            }
        }
        return new ModuleSignature(imports, exports);
    }

    /** The signature of a decoded core module: its imports and the types of its exports. */
    static ModuleSignature signature(Context cx, CoreModule module) {
        List<SubType> types = module.subTypes();
        List<ModuleSignature.CoreImport> imports = new ArrayList<>();
        Set<String> importNames = new HashSet<>();
        CoreTypeSpace space = CoreTypeSpace.of(types);
        List<CoreEntity.Func> funcs = new ArrayList<>();
        List<TableType> tables = new ArrayList<>();
        List<MemoryType> memories = new ArrayList<>();
        List<GlobalType> globals = new ArrayList<>();
        List<FuncType> tags = new ArrayList<>();
        for (Import imp : module.imports()) {
            if (!importNames.add(imp.module() + "\0" + imp.name())) {
                throw cx.fail("duplicate import name `" + imp.module() + ":" + imp.name() + "`");
            }
            CoreEntity e = entity(cx, types, imp.type());
            imports.add(new ModuleSignature.CoreImport(imp.module(), imp.name(), e));
            add(e, funcs, tables, memories, globals, tags);
        }
        for (int typeIndex : module.functions()) {
            funcs.add(new CoreEntity.Func(funcType(cx, types, typeIndex), space));
        }
        module.tables().stream().map(Table::type).forEach(tables::add);
        module.memories().forEach(m -> CoreTypeRules.memory(cx, m));
        memories.addAll(module.memories());
        module.globals().stream().map(Global::type).forEach(globals::add);
        for (TagType t : module.tags()) {
            tags.add(funcType(cx, types, t.typeIndex()));
        }
        Map<String, CoreEntity> exports = new LinkedHashMap<>();
        for (Export e : module.exports()) {
            CoreEntity entity = switch (e.kind()) {
                case FUNC -> TypeResolver.at(cx, funcs, e.index(), "function", "function");
                case TABLE -> new CoreEntity.Table(TypeResolver.at(cx, tables, e.index(), "table", "table"));
                case MEMORY -> new CoreEntity.Memory(TypeResolver.at(cx, memories, e.index(), "memory", "memory"));
                case GLOBAL -> new CoreEntity.Global(TypeResolver.at(cx, globals, e.index(), "global", "global"));
                case TAG -> new CoreEntity.Tag(TypeResolver.at(cx, tags, e.index(), "tag", "tag"));
            };
            if (exports.putIfAbsent(e.name(), entity) != null) {
                throw cx.fail("duplicate export name `" + e.name() + "` already defined");
            }
        }
        return new ModuleSignature(imports, exports);
    }

    private static void add(CoreEntity e, List<CoreEntity.Func> funcs, List<TableType> tables, List<MemoryType> memories,
            List<GlobalType> globals, List<FuncType> tags) {
        switch (e) {
            case CoreEntity.Func f -> funcs.add(f);
            case CoreEntity.Table t -> tables.add(t.type());
            case CoreEntity.Memory m -> memories.add(m.type());
            case CoreEntity.Global g -> globals.add(g.type());
            case CoreEntity.Tag t -> tags.add(t.type());
        }
    }

    static CoreEntity entity(Context cx, List<SubType> types, EntityType t) {
        return switch (t) {
            case EntityType.Func f -> new CoreEntity.Func(funcType(cx, types, f.typeIndex()), CoreTypeSpace.of(types));
            case TableType table -> new CoreEntity.Table(table);
            case MemoryType memory -> {
                CoreTypeRules.memory(cx, memory);
                yield new CoreEntity.Memory(memory);
            }
            case GlobalType global -> new CoreEntity.Global(global);
            case TagType tag -> new CoreEntity.Tag(funcType(cx, types, tag.typeIndex()));
        };
    }

    static FuncType funcType(Context cx, List<SubType> types, int index) {
        SubType sub = TypeResolver.at(cx, types, index, "type", "type");
        if (sub.composite() instanceof FuncType f) {
            return f;
        }
        throw cx.fail("type index " + Integer.toUnsignedString(index) + " is not a function type");
    }

    /** The core function type at {@code index} of a component's core type space. */
    static FuncType coreFuncType(Context cx, Scope s, int index) {
        CoreDefType t = TypeResolver.at(cx, s.coreTypes, index, "core type", "type");
        if (t instanceof CoreDefType.Sub sub && sub.type().composite() instanceof FuncType f) {
            return f;
        }
        throw cx.fail("core type index " + Integer.toUnsignedString(index) + " is not a function type");
    }

    /** Adds a core entity to the index space of its kind. */
    static void push(Scope s, CoreEntity e) {
        add(e, s.coreFuncs, s.coreTables, s.coreMemories, s.coreGlobals, s.coreTags);
    }
}
