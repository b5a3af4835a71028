package dev.jwc.wit;

import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.resolve.PackageGroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads WIT into a resolved {@link Resolve}: a {@code .wit} file (possibly with nested packages) or a directory
 * of {@code .wit} files with an optional {@code deps/} folder of dependency packages (files or directories).
 * Items gated by {@code @unstable(feature = x)} are kept only when {@code x} is enabled. Binary WIT packages
 * ({@code .wasm}, {@code .wat}) are read through a {@link BinaryWitDecoder} when one is given.
 */
public final class WitLoader {
    private final Set<String> features;
    private final boolean allFeatures;
    private final BinaryWitDecoder binary;

    private WitLoader(Set<String> features, boolean allFeatures, BinaryWitDecoder binary) {
        this.features = Set.copyOf(features);
        this.allFeatures = allFeatures;
        this.binary = binary;
    }

    /** A loader with the given unstable features enabled. */
    public static WitLoader withFeatures(Set<String> features) {
        return new WitLoader(features, false, null);
    }

    /** A loader with every unstable feature enabled. */
    public static WitLoader withAllFeatures() {
        return new WitLoader(Set.of(), true, null);
    }

    /**
     * This loader, also reading {@code .wasm} and {@code .wat} files (top-level or under {@code deps/}) as
     * binary WIT packages through {@code decoder}; without one such files are an error.
     */
    public WitLoader withBinaryDecoder(BinaryWitDecoder decoder) {
        return new WitLoader(features, allFeatures, java.util.Objects.requireNonNull(decoder, "decoder"));
    }

    /**
     * The packages loaded from one path; {@code main} is the package of the path itself, {@code nested} the
     * packages written inside its files ({@code package a:b { ... }}) in the order they are written.
     */
    public record Result(Resolve resolve, PackageId main, List<PackageId> nested) {}

    /**
     * Loads {@code path}.
     *
     * @throws WitException with the file, line and column of the first problem found
     */
    public Result load(Path path) {
        PackageGroups.Loaded loaded = PackageGroups.load(path, features, allFeatures, binary);
        return new Result(loaded.resolve(), loaded.main(), loaded.nested());
    }

    /**
     * Loads a directory whose files are given in memory (such as WIT bundled as class-path resources), as
     * {@link #load(Path)} would load it from disk: {@code files} maps each path relative to the directory
     * ({@code "a.wit"}, {@code "deps/io/streams.wit"}, {@code "deps/b.wit"}) to its text; {@code dir} names the
     * files in errors. Binary WIT packages cannot be given this way.
     *
     * @throws WitException with the file, line and column of the first problem found
     */
    public Result load(Path dir, Map<String, String> files) {
        PackageGroups.Loaded loaded = PackageGroups.load(dir, files, features, allFeatures);
        return new Result(loaded.resolve(), loaded.main(), loaded.nested());
    }
}
