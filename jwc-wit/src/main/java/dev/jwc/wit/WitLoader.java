package dev.jwc.wit;

import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.resolve.PackageGroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Loads WIT into a resolved {@link Resolve}: a {@code .wit} file (possibly with nested packages) or a directory
 * of {@code .wit} files with an optional {@code deps/} folder of dependency packages (files or directories).
 * Items gated by {@code @unstable(feature = x)} are kept only when {@code x} is enabled.
 */
public final class WitLoader {
    private final Set<String> features;
    private final boolean allFeatures;

    private WitLoader(Set<String> features, boolean allFeatures) {
        this.features = Set.copyOf(features);
        this.allFeatures = allFeatures;
    }

    /** A loader with the given unstable features enabled. */
    public static WitLoader withFeatures(Set<String> features) {
        return new WitLoader(features, false);
    }

    /** A loader with every unstable feature enabled. */
    public static WitLoader withAllFeatures() {
        return new WitLoader(Set.of(), true);
    }

    /** The packages loaded from one path; {@code main} is the package of the path itself. */
    public record Result(Resolve resolve, PackageId main, List<PackageId> nested) {}

    /**
     * Loads {@code path}.
     *
     * @throws WitException with the file, line and column of the first problem found
     */
    public Result load(Path path) {
        PackageGroups.Loaded loaded = PackageGroups.load(path, features, allFeatures);
        return new Result(loaded.resolve(), loaded.main(), loaded.nested());
    }
}
