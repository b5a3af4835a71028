package dev.jwc.runtime.core;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.TypeSection;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table that several instances share, as one of them (the viewer) sees it; every view delegates to
 * the one shared table.
 * <p>
 * Chicory 1.7.5 bug: its {@code call_indirect} (compiled and interpreted) checks a callee that another
 * instance put in the table by looking the caller's type index up in the callee's module's type section,
 * not the caller's, so a structurally equal type at another index traps with "indirect call type
 * mismatch". For such an element the view answers with a trampoline instance instead: a module with the
 * viewer's type section that imports the callee at the viewer's first index of the callee's type, so
 * Chicory's check compares types of one section (where it accepts equal duplicates). When the callee's
 * own index is the only index of that type in both modules and the viewer has no tags, the element is
 * simply answered as stored, so calls within one module, or between modules that agree on indices, cost
 * nothing more; a type listed twice in either module goes through a trampoline, whose check sees both.
 * The engine binds the view before the instance's element segments and start function run, so a start
 * function's {@code call_indirect} goes through the trampolines too.
 * <p>
 * Not worked around, Chicory's own: {@code table.copy} stores each source element with the instance of
 * the element it overwrites (it reads the instance at the destination index), and a funcref that passes
 * through {@code table.get}/{@code table.set} keeps only its function index, so such an element names the
 * wrong instance, whoever's types it uses.
 * <p>
 * The trampoline's machine calls the callee directly and carries its exceptions back under the viewer's
 * tags ({@link ExceptionTags}). Chicory's interpreter still cannot catch an exception that comes back
 * through such a call: it escapes the interpreted caller's {@code try_table} (the compiler catches it).
 */
final class TableView extends TableInstance {
    private final TableInstance shared;
    private final ExceptionTags exceptionTags;
    private final Map<Target, Instance> trampolines = new ConcurrentHashMap<>();
    private Instance viewer;

    private record Target(Instance owner, int function) {
    }

    TableView(TableInstance shared, ExceptionTags exceptionTags) {
        // The view's own element storage stays empty: every method below uses the shared table.
        super(new Table(shared.elementType(), new TableLimits(0)), 0);
        this.shared = shared;
        this.exceptionTags = exceptionTags;
    }

    /** The table that views share: the one to export. */
    static TableInstance shared(TableInstance table) {
        return table instanceof TableView view ? view.shared : table;
    }

    /** Sets the instance that sees this view, once it is built; until then elements are answered as stored. */
    void bind(Instance instance) {
        this.viewer = instance;
    }

    @Override
    public int size() {
        return shared.size();
    }

    @Override
    public ValType elementType() {
        return shared.elementType();
    }

    @Override
    public TableLimits limits() {
        return shared.limits();
    }

    @Override
    public int grow(int size, int value, Instance instance) {
        return shared.grow(size, value, instance);
    }

    @Override
    public int ref(int index) {
        return shared.ref(index);
    }

    @Override
    public void setRef(int index, int value, Instance instance) {
        shared.setRef(index, value, instance);
    }

    @Override
    public void reset() {
        shared.reset();
    }

    @Override
    public int requiredRef(int index) {
        int function = shared.requiredRef(index);
        Instance owner = shared.instance(index);
        // A trampoline's only function is its import, at index 0.
        return trampoline(owner, function) == owner ? function : 0;
    }

    @Override
    public Instance instance(int index) {
        Instance owner = shared.instance(index);
        if (owner == null || owner == viewer || viewer == null) {
            return owner;
        }
        return trampoline(owner, shared.requiredRef(index));
    }

    /** The instance to call {@code function} of {@code owner} through, or {@code owner} when it is the viewer. */
    private Instance trampoline(Instance owner, int function) {
        if (owner == null || owner == viewer || viewer == null) {
            return owner;
        }
        return trampolines.computeIfAbsent(new Target(owner, function), this::trampoline);
    }

    /** The index of the only type of {@code types} equal to {@code type}; -1 if none or several. */
    private static int onlyIndexOf(TypeSection types, FunctionType type) {
        int found = -1;
        for (int t = 0; t < types.typeCount(); t++) {
            if (types.getType(t).typesMatch(type)) {
                if (found >= 0) {
                    return -1;
                }
                found = t;
            }
        }
        return found;
    }

    private static int firstIndexOf(TypeSection types, FunctionType type) {
        for (int t = 0; t < types.typeCount(); t++) {
            if (types.getType(t).typesMatch(type)) {
                return t;
            }
        }
        return -1;
    }

    /** {@code count} types unequal to {@code type}, then {@code type}: no index below {@code count} matches it. */
    private static TypeSection unmatchable(int count, FunctionType type) {
        FunctionType other = type.params().isEmpty() ? FunctionType.of(List.of(ValType.I32), List.of()) : FunctionType.empty();
        TypeSection.Builder types = TypeSection.builder();
        for (int t = 0; t < count; t++) {
            types.addFunctionType(other);
        }
        return types.addFunctionType(type).build();
    }

    private Instance trampoline(Target target) {
        Instance owner = target.owner();
        int ownerTypeIndex = owner.functionType(target.function());
        FunctionType type = owner.type(ownerTypeIndex);
        TypeSection types = viewer.module().typeSection();
        boolean onlyIndexOfBoth = onlyIndexOf(types, type) == ownerTypeIndex
                && onlyIndexOf(owner.module().typeSection(), type) == ownerTypeIndex;
        if (onlyIndexOfBoth && !exceptionTags.hasTags(viewer)) {
            // Chicory's check, an index compared in the owner's section, gives the structural answer already
            // (wit-component's shim and fixup modules list their types in one order), and the viewer catches
            // no exception by tag.
            return owner;
        }
        int typeIndex = firstIndexOf(types, type);
        if (typeIndex < 0) {
            // No type of the viewer matches, so every call_indirect of the viewer must trap; the owner's
            // section could say otherwise at the caller's index.
            types = unmatchable(types.typeCount(), type);
            typeIndex = types.typeCount() - 1;
        }
        WasmModule module = WasmModule.builder()
                .setTypeSection(types)
                .setImportSection(ImportSection.builder().addImport(new FunctionImport("trampoline", "callee", typeIndex)).build())
                .build();
        Instance caller = viewer;
        Machine forward = (function, args) -> {
            try {
                return owner.getMachine().call(target.function(), args);
            } catch (WasmException e) {
                throw exceptionTags.into(caller, e);
            }
        };
        // Chicory calls a table element through its instance's machine, so the import is never called.
        ImportFunction callee = new ImportFunction("trampoline", "callee", type, (trampoline, args) -> forward.call(0, args));
        return Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(callee).build())
                .withMachineFactory(trampoline -> forward)
                .build();
    }
}
