package dev.jwc.binary.component;

import static dev.jwc.binary.component.Decode.expectEnd;
import static dev.jwc.binary.component.Decode.invalid;
import static dev.jwc.binary.component.Decode.vec;

import dev.jwc.binary.Features;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CoreReader;
import dev.jwc.binary.io.ByteReader;
import dev.jwc.binary.io.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decodes the component binary format (Binary.md) into a {@link Component}. Every malformed input is a
 * {@link DecodeException} with the absolute byte offset; wording follows wasmparser so that test suites
 * can match message substrings. Only what the binary grammar itself forbids is rejected here; index,
 * type and name rules belong to the validator.
 */
public final class ComponentReader {
    /** wasmparser's bound on start function arguments and results. */
    private static final int MAX_START_VALUES = 1000;

    private ComponentReader() {
    }

    /** A decoded binary with the offsets of its sections and items (components only). */
    public record Located(WasmBinary binary, ComponentOffsets offsets) {
    }

    /** Decodes a core module or a component, told apart by the preamble, with every feature enabled. */
    public static WasmBinary read(byte[] bytes) {
        return read(bytes, Features.all());
    }

    /**
     * Decodes a core module or a component. {@code features} matter only for the few encodings that
     * wasmparser refuses to decode without their feature; the validator checks the rest.
     */
    public static WasmBinary read(byte[] bytes, Features features) {
        return readWithOffsets(bytes, features).binary();
    }

    /** Decodes like {@link #read(byte[])} and also reports where each section and item was. */
    public static Located readWithOffsets(byte[] bytes) {
        return readWithOffsets(bytes, Features.all());
    }

    /** Decodes like {@link #read(byte[], Features)} and also reports where each section and item was. */
    public static Located readWithOffsets(byte[] bytes, Features features) {
        ByteReader r = new ByteReader(bytes);
        return switch (Preamble.read(r)) {
            case CORE_MODULE -> new Located(new CoreModuleBinary(bytes, 0, CoreReader.read(bytes)),
                    ComponentOffsets.UNKNOWN);
            case COMPONENT -> {
                Decoded decoded = sections(r, Scope.top(features));
                yield new Located(decoded.component(), decoded.offsets());
            }
        };
    }

    /** Decodes a component with every feature enabled; a core module is an error. */
    public static Component readComponent(byte[] bytes) {
        return component(new ByteReader(bytes), Scope.top(Features.all())).component();
    }

    private record Decoded(Component component, ComponentOffsets offsets) {
    }

    private static Decoded component(ByteReader r, Scope scope) {
        long at = r.offset();
        if (Preamble.read(r) != Preamble.COMPONENT) {
            throw r.errorAt("expected a version header for a component", at);
        }
        return sections(r, scope);
    }

    private static Decoded sections(ByteReader r, Scope scope) {
        List<Section> sections = new ArrayList<>();
        List<ComponentOffsets.SectionOffsets> offsets = new ArrayList<>();
        while (!r.atEnd()) {
            long at = r.offset();
            int id = r.u8();
            if (id > 12) {
                throw r.errorAt("malformed section id: " + id, at);
            }
            ByteReader s = r.slice(r.u32());
            long start = s.offset();
            List<Long> items = new ArrayList<>();
            if (id == 4) {
                Decoded nested = component(s, scope.inner(s));
                sections.add(new Section.NestedComponent(nested.component()));
                offsets.add(new ComponentOffsets.SectionOffsets(start, items, nested.offsets()));
            } else {
                sections.add(section(id, s, scope, items));
                offsets.add(new ComponentOffsets.SectionOffsets(start, items, ComponentOffsets.UNKNOWN));
            }
        }
        return new Decoded(new Component(sections), new ComponentOffsets(offsets));
    }

    /** Decodes every section but a nested component, noting each item's offset in {@code items}. */
    private static Section section(int id, ByteReader s, Scope scope, List<Long> items) {
        return switch (id) {
            case 0 -> new Section.Custom(s.name(), s.rest());
            case 1 -> new Section.CoreModule(coreModule(s));
            case 2 -> new Section.CoreInstances(items(s, items, ComponentReader::coreInstance));
            case 3 -> new Section.CoreTypes(items(s, items, CoreTypeReader::componentCoreType));
            case 5 -> new Section.Instances(items(s, items, in -> instance(in, scope)));
            case 6 -> new Section.Aliases(items(s, items, TypeReader::alias));
            case 7 -> new Section.Types(items(s, items, in -> TypeReader.typeDef(in, scope)));
            case 8 -> new Section.Canons(items(s, items, CanonReader::canon));
            case 9 -> {
                items.add(s.offset());
                yield start(s);
            }
            case 10 -> new Section.Imports(items(s, items, in -> new Import(TypeReader.externName(in, scope),
                    TypeReader.externType(in))));
            case 11 -> new Section.Exports(items(s, items, in -> export(in, scope)));
            case 12 -> new Section.Values(items(s, items, ComponentReader::value));
            default -> throw new IllegalArgumentException("section id " + id + " is handled by the caller");
        };
    }

    /** A whole vector section: count, items (each offset noted) and nothing after them. */
    private static <T> List<T> items(ByteReader s, List<Long> offsets, Function<ByteReader, T> item) {
        int n = s.count();
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            offsets.add(s.offset());
            out.add(item.apply(s));
        }
        expectEnd(s);
        return out;
    }

    /** An embedded core module, decoded by {@link CoreReader} with offsets kept absolute. */
    private static CoreModuleBinary coreModule(ByteReader s) {
        long offset = s.offset();
        if (Preamble.read(s.fork()) != Preamble.CORE_MODULE) {
            throw s.errorAt("expected a version header for a module", offset);
        }
        CoreModule module = CoreReader.read(s.fork());
        return new CoreModuleBinary(s.rest(), offset, module);
    }

    private static CoreInstance coreInstance(ByteReader r) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new CoreInstance.Instantiate(r.u32(), vec(r, ComponentReader::coreInstantiateArg));
            case 0x01 -> new CoreInstance.FromExports(vec(r, in -> new CoreInstance.Export(in.name(),
                    TypeReader.externalKind(in), in.u32())));
            default -> throw invalid(r, at, b, "core instance");
        };
    }

    private static CoreInstance.Arg coreInstantiateArg(ByteReader r) {
        String name = r.name();
        long at = r.offset();
        int kind = r.u8();
        if (kind != CoreSort.INSTANCE.code()) {
            throw invalid(r, at, kind, "instantiation arg kind");
        }
        return new CoreInstance.Arg(name, r.u32());
    }

    private static Instance instance(ByteReader r, Scope scope) {
        long at = r.offset();
        int b = r.u8();
        return switch (b) {
            case 0x00 -> new Instance.Instantiate(r.u32(), vec(r, in -> new Instance.Arg(in.name(),
                    TypeReader.sort(in), in.u32())));
            case 0x01 -> new Instance.FromExports(vec(r, in -> new Instance.Export(TypeReader.externName(in, scope),
                    TypeReader.sort(in), in.u32())));
            default -> throw invalid(r, at, b, "instance");
        };
    }

    private static Export export(ByteReader r, Scope scope) {
        ExternName name = TypeReader.externName(r, scope);
        Sort sort = TypeReader.sort(r);
        int index = r.u32();
        Optional<ExternType> ascribed = Decode.optional(r, "optional component export type",
                TypeReader::externType);
        return new Export(name, sort, index, ascribed);
    }

    private static Section.Start start(ByteReader s) {
        int func = s.u32();
        long argsAt = s.offset();
        int argCount = s.u32();
        if (Integer.compareUnsigned(argCount, MAX_START_VALUES) > 0) {
            throw s.errorAt("start function arguments size is out of bounds", argsAt);
        }
        List<Integer> args = new ArrayList<>();
        for (int i = 0; i < argCount; i++) {
            args.add(s.u32());
        }
        long resultsAt = s.offset();
        int results = s.u32();
        if (Integer.compareUnsigned(results, MAX_START_VALUES) > 0) {
            throw s.errorAt("start function results size is out of bounds", resultsAt);
        }
        if (!s.atEnd()) {
            throw s.error("unexpected content in the component start section");
        }
        return new Section.Start(func, args, results);
    }

    private static Value value(ByteReader r) {
        ValType type = TypeReader.valType(r);
        return new Value(type, r.bytes(r.count()));
    }
}
