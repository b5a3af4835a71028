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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table that several instances share, as one of them (the viewer) sees it; every view delegates to
 * the one shared table.
 * <p>
 * Chicory 1.7.5's {@code call_indirect} (compiled and interpreted) checks a callee that another instance
 * defined by comparing the caller's type index with the callee's, each in its own module's type
 * section, so a structurally equal type traps with "indirect call type mismatch". For such an element
 * the view answers with a trampoline instance instead: a module with the viewer's type section that
 * imports the callee at the viewer's index of the callee's type, so Chicory's check compares indices of
 * one type section. That index is the callee's own when it names an equal type of the viewer (then, if
 * the viewer has no tags, the element is simply answered as stored), else the first equal type; a caller
 * naming a later duplicate of the type still traps (toolchains rarely repeat a function type).
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

    private static int firstIndexOf(TypeSection types, FunctionType type) {
        for (int t = 0; t < types.typeCount(); t++) {
            if (types.getType(t).typesMatch(type)) {
                return t;
            }
        }
        return -1;
    }

    private Instance trampoline(Target target) {
        Instance owner = target.owner();
        int ownerTypeIndex = owner.functionType(target.function());
        FunctionType type = owner.type(ownerTypeIndex);
        TypeSection types = viewer.module().typeSection();
        boolean indicesAgree = ownerTypeIndex < types.typeCount() && types.getType(ownerTypeIndex).typesMatch(type);
        if (indicesAgree && !exceptionTags.hasTags(viewer)) {
            // Chicory's check holds already for callers using that index (wit-component's shim and fixup
            // modules list their types in one order), and the viewer catches no exception by tag.
            return owner;
        }
        int typeIndex = indicesAgree ? ownerTypeIndex : firstIndexOf(types, type);
        if (typeIndex < 0) {
            return owner; // no type of the viewer matches: Chicory's check traps, as it must
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
