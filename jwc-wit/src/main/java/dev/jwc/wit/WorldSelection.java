package dev.jwc.wit;

import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.Version;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.WorldId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Chooses the world to generate bindings for, by the conventions of WIT.md ("Specifying a World"): without a world
 * string the root package must have exactly one world; a plain identifier names a world of the root package; a
 * path {@code ns:pkg/world[@version]} names a world of any loaded package.
 */
public final class WorldSelection {
    private WorldSelection() {}

    /**
     * The selected world.
     *
     * @param root  the root package, usually {@link WitLoader.Result#main()}
     * @param world the world string, if one was given
     * @throws WorldSelectionException when no world, or no single world, matches
     */
    public static WorldId select(Resolve resolve, PackageId root, Optional<String> world) {
        if (world.isEmpty()) {
            WitPackage pkg = resolve.get(root);
            return switch (pkg.worlds().size()) {
                case 0 -> throw new WorldSelectionException("no worlds found in package `" + pkg.name() + "`");
                case 1 -> pkg.worlds().values().iterator().next();
                default -> throw new WorldSelectionException("multiple worlds found in package `" + pkg.name()
                        + "`: one must be explicitly chosen");
            };
        }
        String text = world.get();
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        if (colon < 0 && slash < 0) {
            return worldOf(resolve, root, stripPercent(text));
        }
        if (colon <= 0 || slash < colon + 2 || slash == text.length() - 1) {
            throw new WorldSelectionException("invalid world path `" + text
                    + "`: expected a world name or `namespace:package/world[@version]`");
        }
        String namespace = stripPercent(text.substring(0, colon));
        String name = stripPercent(text.substring(colon + 1, slash));
        String rest = text.substring(slash + 1);
        int at = rest.indexOf('@');
        Optional<Version> version = Optional.empty();
        if (at >= 0) {
            try {
                version = Optional.of(Version.parse(rest.substring(at + 1)));
            } catch (IllegalArgumentException e) {
                throw new WorldSelectionException("invalid version in world path `" + text + "`: " + e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        return worldOf(resolve, packageNamed(resolve, new PackageName(namespace, name, version)), stripPercent(rest));
    }

    private static WorldId worldOf(Resolve resolve, PackageId pkg, String name) {
        WorldId id = resolve.get(pkg).worlds().get(name);
        if (id == null) {
            throw new WorldSelectionException("world `" + name + "` not found in package `"
                    + resolve.get(pkg).name() + "`");
        }
        return id;
    }

    /** The package of that name; without a version, the only package of that namespace and name. */
    private static PackageId packageNamed(Resolve resolve, PackageName wanted) {
        if (wanted.version().isPresent()) {
            return resolve.packageByName(wanted)
                    .orElseThrow(() -> new WorldSelectionException("package `" + wanted + "` not found"));
        }
        List<PackageId> matches = IntStream.range(0, resolve.packages().size()).mapToObj(PackageId::new)
                .filter(id -> resolve.get(id).name().unversioned().equals(wanted.unversioned()))
                .toList();
        return switch (matches.size()) {
            case 0 -> throw new WorldSelectionException("package `" + wanted + "` not found");
            case 1 -> matches.getFirst();
            default -> throw new WorldSelectionException("multiple packages named `" + wanted
                    + "` found: specify a version");
        };
    }

    /** {@code %world} names the world {@code world}, as in WIT text. */
    private static String stripPercent(String id) {
        return id.startsWith("%") ? id.substring(1) : id;
    }
}
