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
import com.dylibso.chicory.runtime.ImportTag;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.TagInstance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.jwc.runtime.Trap;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link CoreEngine} on Chicory with byte-array memories (faster than the default byte buffers): our own
 * {@link PagedMemory}, cheap to create, for unshared memories, Chicory's {@code ByteArrayMemory} for shared ones.
 * Compiled modules get their machine factory once, at {@link #compile}, shared by every instance.
 */
final class ChicoryEngine implements CoreEngine {
    private final boolean compile;

    ChicoryEngine(boolean compile) {
        this.compile = compile;
    }

    private record Module(WasmModule module, Optional<Function<Instance, Machine>> machines) implements CoreModule {
    }

    @Override
    public CoreModule compile(byte[] bytes) {
        try {
            WasmModule module = Parser.parse(bytes);
            return new Module(module, compile ? Optional.of(MachineFactoryCompiler.compile(module)) : Optional.empty());
        } catch (ChicoryException e) {
            throw new CoreLinkException("invalid core module: " + e.getMessage(), e);
        }
    }

    @Override
    public CoreInstance instantiate(CoreModule module, ImportResolver imports) {
        Module compiled = (Module) module;
        WasmModule wasm = compiled.module();
        ImportValues.Builder values = ImportValues.builder();
        for (int i = 0; i < wasm.importSection().importCount(); i++) {
            Import imp = wasm.importSection().getImport(i);
            CoreExtern extern = imports.resolve(imp.module(), imp.name());
            link(wasm, imp, extern, values);
        }
        try {
            Instance.Builder builder = Instance.builder(wasm)
                    .withImportValues(values.build())
                    // Only the start section runs at instantiation; Chicory would also call an export `_start`.
                    .withStart(false)
                    .withMemoryFactory(ChicoryEngine::newMemory);
            compiled.machines().ifPresent(builder::withMachineFactory);
            Instance instance = builder.build();
            return new ChicoryInstance(instance);
        } catch (ChicoryException e) {
            throw ChicoryFailures.toTrapOrLink(e);
        } catch (StackOverflowError e) {
            throw ChicoryFailures.exhausted(e);
        }
    }

    private static Memory newMemory(MemoryLimits limits) {
        return limits.shared() ? new ByteArrayMemory(limits) : new PagedMemory(limits);
    }

    private static void link(WasmModule wasm, Import imp, CoreExtern extern, ImportValues.Builder values) {
        String m = imp.module();
        String n = imp.name();
        switch (imp.importType()) {
            case FUNCTION -> {
                if (!(extern instanceof CoreFunc func)) {
                    throw mismatch(imp, "function");
                }
                if (func instanceof ChicoryFunc exported) {
                    values.addFunction(ImportFunction.exportAsImport(m, n, exported.instance(), exported.name()));
                } else {
                    FunctionType type = wasm.typeSection().getType(((FunctionImport) imp).typeIndex());
                    values.addFunction(new HostFunction(m, n, type, (inst, args) -> func.call(args)));
                }
            }
            case MEMORY -> values.addMemory(new ImportMemory(m, n, opaque(imp, extern, ChicoryMemory.class).memory()));
            case TABLE -> values.addTable(new ImportTable(m, n, opaque(imp, extern, Table.class).table()));
            case GLOBAL -> values.addGlobal(new ImportGlobal(m, n, opaque(imp, extern, Global.class).global()));
            case TAG -> values.addTag(new ImportTag(m, n, opaque(imp, extern, Tag.class).tag()));
        }
    }

    private static <T> T opaque(Import imp, CoreExtern extern, Class<T> kind) {
        if (!kind.isInstance(extern)) {
            throw mismatch(imp, imp.importType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return kind.cast(extern);
    }

    private static CoreLinkException mismatch(Import imp, String expected) {
        return new CoreLinkException("import `" + imp.module() + "::" + imp.name() + "`: expected " + expected);
    }

    private record ChicoryInstance(Instance instance) implements CoreInstance {
        @Override
        public Optional<CoreExtern> export(String name) {
            var section = instance.module().exportSection();
            for (int i = 0; i < section.exportCount(); i++) {
                Export e = section.getExport(i);
                if (e.name().equals(name)) {
                    return Optional.of(switch (e.exportType()) {
                        case FUNCTION -> new ChicoryFunc(instance, name, instance.export(name));
                        case MEMORY -> new ChicoryMemory(instance.exports().memory(name));
                        case TABLE -> new Table(instance.exports().table(name));
                        case GLOBAL -> new Global(instance.exports().global(name));
                        case TAG -> new Tag(instance.tag(e.index()));
                    });
                }
            }
            return Optional.empty();
        }
    }

    private record ChicoryFunc(Instance instance, String name, ExportFunction function) implements CoreFunc {
        @Override
        public long[] call(long... args) {
            try {
                long[] results = function.apply(args);
                return results == null ? new long[0] : results;
            } catch (ChicoryException e) {
                throw ChicoryFailures.toTrap(e);
            } catch (StackOverflowError e) {
                throw ChicoryFailures.exhausted(e);
            }
        }
    }

    private record Table(TableInstance table) implements CoreExtern.Opaque {
    }

    private record Global(GlobalInstance global) implements CoreExtern.Opaque {
    }

    private record Tag(TagInstance tag) implements CoreExtern.Opaque {
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
