package dev.jwc.runtime.core;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import dev.jwc.runtime.core.ChicoryModuleBytes.DeclaredImport;
import dev.jwc.runtime.core.ExceptionTags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.jwc.runtime.Trap;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * {@link CoreEngine} on Chicory with byte-array memories (faster than the default byte buffers): our own
 * {@link PagedMemory}, cheap to create, for unshared memories, Chicory's {@code ByteArrayMemory} for shared ones.
 * Compiled modules get their machine factory once, at {@link #compile}, shared by every instance.
 */
final class ChicoryEngine implements CoreEngine {
    /**
     * Everything besides the module bytes and the class name that changes what the compiler emits; part
     * of the cache key, so any new compiler option must be added here.
     */
    private static final String COMPILER_SETTINGS = "defaults";

    private final boolean compile;
    private final int interpreterThreshold;
    private final Optional<Path> cacheDirectory;
    /** With {@link ChicoryModuleBytes} and {@link TableView}: works around Chicory 1.7.5 bugs. */
    private final ExceptionTags exceptionTags = new ExceptionTags();
    private final GuestBacktraces backtraces = new GuestBacktraces();

    ChicoryEngine(boolean compile, int interpreterThreshold, Optional<Path> cacheDirectory) {
        this.compile = compile;
        this.interpreterThreshold = interpreterThreshold;
        this.cacheDirectory = cacheDirectory;
    }

    private record Module(WasmModule module, List<DeclaredImport> imports, Optional<Function<Instance, Machine>> machines)
            implements CoreModule {
    }

    @Override
    public CoreModule compile(byte[] bytes) {
        try {
            ChicoryModuleBytes prepared = ChicoryModuleBytes.of(bytes);
            WasmModule module = Parser.parse(prepared.bytes());
            SimdCheck.requireNone(module);
            List<DeclaredImport> imports = prepared.rewrittenImports().orElseGet(() -> module.importSection().stream()
                    .map(i -> new DeclaredImport(i.module(), i.name(), false))
                    .toList());
            if (!compile || bytes.length < interpreterThreshold) {
                return new Module(module, imports, Optional.empty());
            }
            String className = backtraces.className(module, bytes);
            MachineFactoryCompiler.Builder compiler = MachineFactoryCompiler.builder(module).withClassName(className);
            // Chicory keys entries by the digest of the bytes it parsed; the class name completes the key.
            cacheDirectory.flatMap(dir -> DiskCompileCache.open(dir, COMPILER_SETTINGS + "; class " + className))
                    .ifPresent(compiler::withCache);
            return new Module(module, imports, Optional.of(compiler.compile()));
        } catch (ChicoryException e) {
            throw new CoreLinkException("invalid core module: " + e.getMessage(), e);
        }
    }

    @Override
    public CoreInstance instantiate(CoreModule module, ImportResolver imports, OptionalLong maxMemoryBytes) {
        Module compiled = (Module) module;
        WasmModule wasm = compiled.module();
        List<FunctionType> tagTypes = tagTypes(wasm);
        boolean catchesByTag = !tagTypes.isEmpty();
        ImportValues.Builder values = ImportValues.builder();
        List<Tag> tags = new ArrayList<>();
        List<TableView> tableViews = new ArrayList<>();
        int chicoryImport = 0;
        for (DeclaredImport declared : compiled.imports()) {
            CoreExtern extern = imports.resolve(declared.module(), declared.name());
            if (declared.tag()) {
                Tag tag = opaque(declared, "tag", extern, Tag.class);
                if (!tag.type().typesMatch(tagTypes.get(tags.size()))) {
                    throw mismatch(declared, "tag of type " + tagTypes.get(tags.size()));
                }
                tags.add(tag);
            } else {
                Import imp = wasm.importSection().getImport(chicoryImport++);
                link(wasm, declared, imp, extern, values, catchesByTag, tableViews);
            }
        }
        for (int t = tags.size(); t < tagTypes.size(); t++) {
            tags.add(new Tag(tagTypes.get(t)));
        }
        try {
            Instance.Builder builder = Instance.builder(wasm)
                    .withImportValues(values.build())
                    // Initialised below, once the table views know their instance.
                    .withInitialize(false)
                    .withMemoryFactory(ChicoryEngine::newMemory);
            builder.withMachineFactory(compiled.machines().orElse(backtraces::interpreter));
            maxMemoryBytes.ifPresent(max -> cappedMemory(wasm, max).ifPresent(builder::withMemoryLimits));
            if (exportsTable(wasm)) {
                builder.withTableFactory((table, initial) -> view(new TableInstance(table, initial), tableViews));
            }
            Instance instance = builder.build();
            // Bound before the element segments and the start function run: a start function's call_indirect
            // of a function another instance put in a shared table must already go through the trampolines.
            tableViews.forEach(view -> view.bind(instance));
            Tag[] instanceTags = tags.toArray(Tag[]::new);
            exceptionTags.register(instance, instanceTags);
            // Only the start section runs at instantiation; Chicory would also call an export `_start`.
            instance.initialize(false);
            return new ChicoryInstance(instance, instanceTags, backtraces);
        } catch (ChicoryException e) {
            throw ChicoryFailures.toTrapOrLink(e, backtraces.of(e));
        } catch (StackOverflowError e) {
            throw ChicoryFailures.exhausted(e, backtraces.of(e));
        }
    }

    private static Memory newMemory(MemoryLimits limits) {
        return limits.shared() ? new ByteArrayMemory(limits) : new PagedMemory(limits);
    }

    /** Tables other instances can fill are seen through {@link TableView}s. */
    private TableView view(TableInstance shared, List<TableView> views) {
        TableView view = new TableView(shared, exceptionTags);
        views.add(view);
        return view;
    }

    private static boolean exportsTable(WasmModule wasm) {
        var exports = wasm.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).exportType() == ExternalType.TABLE) {
                return true;
            }
        }
        return false;
    }

    /** The types of the module's tags; all are definitions for Chicory (see {@link ChicoryModuleBytes}). */
    private static List<FunctionType> tagTypes(WasmModule wasm) {
        return wasm.tagSection()
                .map(section -> Arrays.stream(section.types())
                        .map(t -> wasm.typeSection().getType(t.typeIdx()))
                        .toList())
                .orElse(List.of());
    }

    /** The limits of the memory {@code wasm} defines, its maximum lowered to {@code maxBytes}; none if it defines none. */
    private static Optional<MemoryLimits> cappedMemory(WasmModule wasm, long maxBytes) {
        if (wasm.memorySection().isEmpty() || wasm.memorySection().get().memoryCount() == 0) {
            return Optional.empty();
        }
        MemoryLimits declared = wasm.memorySection().get().getMemory(0).limits();
        long maxPages = maxBytes / Memory.PAGE_SIZE;
        if (declared.initialPages() > maxPages) {
            throw new Trap("memory minimum size of " + declared.initialPages() + " pages exceeds the memory limit of "
                    + maxBytes + " bytes");
        }
        return Optional.of(new MemoryLimits(declared.initialPages(), (int) Math.min(declared.maximumPages(), maxPages),
                declared.shared()));
    }

    private void link(WasmModule wasm, DeclaredImport declared, Import imp, CoreExtern extern, ImportValues.Builder values,
            boolean catchesByTag, List<TableView> tableViews) {
        String m = imp.module();
        String n = imp.name();
        switch (imp.importType()) {
            case FUNCTION -> {
                if (!(extern instanceof CoreFunc func)) {
                    throw mismatch(declared, "function");
                }
                if (func instanceof ChicoryFunc exported) {
                    values.addFunction(catchesByTag
                            ? new ImportFunction(m, n, exported.instance().exportType(exported.name()),
                                    (caller, args) -> callCatching(caller, exported.function(), args), exported.instance())
                            : ImportFunction.exportAsImport(m, n, exported.instance(), exported.name()));
                } else {
                    FunctionType type = wasm.typeSection().getType(((FunctionImport) imp).typeIndex());
                    values.addFunction(new HostFunction(m, n, type, catchesByTag
                            ? (caller, args) -> callCatching(caller, func::call, args)
                            : (caller, args) -> func.call(args)));
                }
            }
            case MEMORY -> values.addMemory(new ImportMemory(m, n, opaque(declared, "memory", extern, ChicoryMemory.class).memory()));
            case TABLE -> values.addTable(new ImportTable(m, n, view(opaque(declared, "table", extern, Table.class).table(), tableViews)));
            case GLOBAL -> values.addGlobal(new ImportGlobal(m, n, opaque(declared, "global", extern, Global.class).global()));
            // ChicoryModuleBytes turns tag imports into definitions; one remains only if it could not walk the module.
            case TAG -> throw new CoreLinkException("import `" + declared.module() + "::" + declared.name()
                    + "`: tag imports of this module could not be prepared for Chicory");
        }
    }

    /** Calls into another instance on behalf of {@code caller}, which catches exceptions by tag. */
    private long[] callCatching(Instance caller, ExportFunction callee, long[] args) {
        try {
            return callee.apply(args);
        } catch (WasmException e) {
            throw exceptionTags.into(caller, e);
        }
    }

    private static <T> T opaque(DeclaredImport declared, String kind, CoreExtern extern, Class<T> type) {
        if (!type.isInstance(extern)) {
            throw mismatch(declared, kind);
        }
        return type.cast(extern);
    }

    private static CoreLinkException mismatch(DeclaredImport declared, String expected) {
        return new CoreLinkException("import `" + declared.module() + "::" + declared.name() + "`: expected " + expected);
    }

    private record ChicoryInstance(Instance instance, Tag[] tags, GuestBacktraces backtraces) implements CoreInstance {
        @Override
        public Optional<CoreExtern> export(String name) {
            var section = instance.module().exportSection();
            for (int i = 0; i < section.exportCount(); i++) {
                Export e = section.getExport(i);
                if (e.name().equals(name)) {
                    return Optional.of(switch (e.exportType()) {
                        case FUNCTION -> new ChicoryFunc(instance, name, instance.export(name), backtraces);
                        case MEMORY -> new ChicoryMemory(instance.exports().memory(name));
                        case TABLE -> new Table(TableView.shared(instance.exports().table(name)));
                        case GLOBAL -> new Global(instance.exports().global(name));
                        case TAG -> tags[e.index()];
                    });
                }
            }
            return Optional.empty();
        }
    }

    private record ChicoryFunc(Instance instance, String name, ExportFunction function, GuestBacktraces backtraces)
            implements CoreFunc {
        @Override
        public long[] call(long... args) {
            try {
                long[] results = function.apply(args);
                return results == null ? new long[0] : results;
            } catch (ChicoryException e) {
                throw ChicoryFailures.toTrap(e, backtraces.of(e));
            } catch (StackOverflowError e) {
                throw ChicoryFailures.exhausted(e, backtraces.of(e));
            } catch (WasmException e) {
                throw ChicoryFailures.uncaught(e);
            }
        }
    }

    private record Table(TableInstance table) implements CoreExtern.Opaque {
    }

    private record Global(GlobalInstance global) implements CoreExtern.Opaque {
    }

    private record ChicoryMemory(Memory memory) implements CoreMemory {
        @Override
        public long byteLength() {
            return (long) memory.pages() * Memory.PAGE_SIZE;
        }

        @Override
        public byte readByte(int address) {
            return memory.read(address);
        }

        @Override
        public short readShort(int address) {
            return memory.readShort(address);
        }

        @Override
        public int readInt(int address) {
            return memory.readInt(address);
        }

        @Override
        public long readLong(int address) {
            return memory.readLong(address);
        }

        @Override
        public byte[] readBytes(int address, int length) {
            return memory.readBytes(address, length);
        }

        @Override
        public void writeByte(int address, byte value) {
            memory.writeByte(address, value);
        }

        @Override
        public void writeShort(int address, short value) {
            memory.writeShort(address, value);
        }

        @Override
        public void writeInt(int address, int value) {
            memory.writeI32(address, value);
        }

        @Override
        public void writeLong(int address, long value) {
            memory.writeLong(address, value);
        }

        @Override
        public String decode(int address, int length, Charset charset) {
            return memory instanceof PagedMemory paged
                    ? paged.decode(address, length, charset)
                    : new String(memory.readBytes(address, length), charset);
        }

        @Override
        public void writeBytes(int address, byte[] bytes) {
            memory.write(address, bytes);
        }

        @Override
        public void writeBytes(int address, byte[] source, int offset, int length) {
            memory.write(address, source, offset, length);
        }
    }
}
