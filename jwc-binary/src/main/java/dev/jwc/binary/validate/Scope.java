package dev.jwc.binary.validate;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The index spaces and bookkeeping of one component, component type or instance type being
 * validated. Scopes chain to their enclosing scope for outer aliases.
 */
final class Scope {
    enum Kind { COMPONENT, COMPONENT_TYPE, INSTANCE_TYPE }

    /** A value definition 🪙 and whether it has been consumed, which every value must be exactly once. */
    static final class ValueSlot {
        final ValueType type;
        boolean used;

        ValueSlot(ValueType type) {
            this.type = type;
        }
    }

    /** A resource defined by this component, with its representation and optional destructor. */
    record LocalResource(ValType rep) {
    }

    final Kind kind;
    final Scope parent;

    final List<CoreEntity.Func> coreFuncs = new ArrayList<>();
    final List<TableType> coreTables = new ArrayList<>();
    final List<MemoryType> coreMemories = new ArrayList<>();
    final List<GlobalType> coreGlobals = new ArrayList<>();
    final List<FuncType> coreTags = new ArrayList<>();
    final List<CoreDefType> coreTypes = new ArrayList<>();
    final List<ModuleSignature> coreModules = new ArrayList<>();
    final List<Map<String, CoreEntity>> coreInstances = new ArrayList<>();

    final List<FunctionType> funcs = new ArrayList<>();
    final List<ValueSlot> values = new ArrayList<>();
    final List<TypeEntry> types = new ArrayList<>();
    final List<InstanceSignature> instances = new ArrayList<>();
    final List<ComponentSignature> components = new ArrayList<>();

    final Map<String, ExternEntity> imports = new LinkedHashMap<>();
    final Map<String, ExternEntity> exports = new LinkedHashMap<>();
    /** Canonical (strongly-unique) form of each import and export name, to the name that claimed it. */
    final Map<String, String> importKeys = new HashMap<>();
    final Map<String, String> exportKeys = new HashMap<>();
    /** Resource names usable by {@code [constructor]}/{@code [method]}/{@code [static]} names, by label. */
    final Map<String, ResourceId> importedResourceNames = new HashMap<>();
    final Map<String, ResourceId> exportedResourceNames = new HashMap<>();

    final List<ResourceId> importedResources = new ArrayList<>();
    final List<ResourceId> definedResources = new ArrayList<>();
    final Map<ResourceId, LocalResource> localResources = new HashMap<>();
    /** The core type the first {@code context.get}/{@code context.set} used; every other one must use it too. */
    ValType contextType;

    /** Value types that have a name through an import, by identity, and resource aliases likewise. */
    final Set<ValueType> importedTypes = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<ValueType> exportedTypes = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<Long> importedResourceAliases = new HashSet<>();
    final Set<Long> exportedResourceAliases = new HashSet<>();
    /** Instance and component types found to name all their types where this scope imports, and exports. */
    final Set<TypeEntry> verifiedForImport = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<TypeEntry> verifiedForExport = Collections.newSetFromMap(new IdentityHashMap<>());

    /** This scope's core type index space as the concrete references of its core types see it. */
    CoreTypeSpace coreTypeSpace() {
        return index -> index >= 0 && index < coreTypes.size() && coreTypes.get(index) instanceof CoreDefType.Sub sub
                ? Optional.of(sub.type()) : Optional.empty();
    }

    Scope(Kind kind, Scope parent) {
        this.kind = kind;
        this.parent = parent;
    }

    int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    /** The scope {@code count} levels out. */
    Scope outer(int count) {
        Scope s = this;
        for (int i = 0; i < count; i++) {
            s = s.parent;
        }
        return s;
    }
}
