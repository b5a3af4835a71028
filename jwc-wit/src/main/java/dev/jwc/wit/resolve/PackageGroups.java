package dev.jwc.wit.resolve;

import dev.jwc.wit.BinaryWitDecoder;
import dev.jwc.wit.WitException;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.syntax.Ast;
import dev.jwc.wit.syntax.Parser;
import dev.jwc.wit.syntax.Source;
import dev.jwc.wit.syntax.Span;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads WIT files and directories into packages and links them into a {@link Linker} in dependency order,
 * like wit-parser's {@code Resolve::push_path}: a directory is one package (all its {@code *.wit} files) plus
 * packages under {@code deps/}; a file is one package plus the packages nested in it.
 */
public final class PackageGroups {
    /** The packages of one file or directory: its main package and the {@code package x:y { }} nested in it. */
    private record Group(Unit main, List<Unit> nested) {}

    /** A package to link: WIT text resolved on its own, or a decoded binary package to merge. */
    private sealed interface Unit {
        PackageName name();
    }

    private record TextUnit(UnresolvedPackage pkg) implements Unit {
        @Override
        public PackageName name() {
            return pkg.name();
        }
    }

    private record BinaryUnit(BinaryWitDecoder.Decoded decoded, Path file) implements Unit {
        @Override
        public PackageName name() {
            return decoded.resolve().get(decoded.main()).name();
        }

        /** The packages the binary refers to besides its own. */
        List<PackageName> deps() {
            return decoded.resolve().packageIds().stream().filter(id -> !id.equals(decoded.main()))
                    .map(id -> decoded.resolve().get(id).name()).toList();
        }
    }

    /** What loading produced: the model, the main package of the path and the nested packages beside it. */
    public record Loaded(Resolve resolve, PackageId main, List<PackageId> nested) {}

    private PackageGroups() {}

    /**
     * Loads {@code path} (a file, or a directory with optional {@code deps/}), keeping items gated by
     * {@code @unstable} features in {@code features} (or all of them when {@code allFeatures}).
     */
    public static Loaded load(Path path, Set<String> features, boolean allFeatures) {
        return load(path, features, allFeatures, null);
    }

    /**
     * Like {@link #load(Path, Set, boolean)}, reading {@code .wasm} and {@code .wat} files as binary WIT packages
     * through {@code binary} (when null, such files are an error).
     */
    public static Loaded load(Path path, Set<String> features, boolean allFeatures, BinaryWitDecoder binary) {
        Linker linker = new Linker(features, allFeatures);
        if (Files.isDirectory(path)) {
            Group top = parseDir(path);
            List<Group> deps = parseDeps(path.resolve("deps"), binary);
            return link(linker, top, deps);
        }
        if (isBinary(path) && binary != null) {
            return link(linker, new Group(new BinaryUnit(binary.decode(path), path), List.of()), List.of());
        }
        return link(linker, parseFile(path), List.of());
    }

    /**
     * Like {@link #load(Path, Set, boolean)} on a directory whose files are given in memory: {@code files} maps
     * each path relative to {@code dir} ({@code "a.wit"}, {@code "deps/io/streams.wit"}, {@code "deps/b.wit"})
     * to its text; {@code dir} only names the files in errors. Binary packages cannot be given this way.
     */
    public static Loaded load(Path dir, Map<String, String> files, Set<String> features, boolean allFeatures) {
        List<Source> top = new ArrayList<>();
        Map<String, List<Source>> depDirs = new TreeMap<>();
        Map<String, Source> depFiles = new TreeMap<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            String name = file.getKey();
            Source source = new Source(dir.resolve(name), file.getValue());
            String[] parts = name.split("/");
            boolean wit = name.endsWith(".wit");
            if (parts.length == 1 && wit) {
                top.add(source);
            } else if (parts.length == 2 && parts[0].equals("deps") && wit) {
                depFiles.put(parts[1], source);
            } else if (parts.length == 3 && parts[0].equals("deps") && wit) {
                depDirs.computeIfAbsent(parts[1], d -> new ArrayList<>()).add(source);
            } else if (parts.length == 2 && parts[0].equals("deps") && isBinary(source.path())) {
                throw new WitException(source.path(), "wasm-encoded WIT packages are not supported");
            }
        }
        // In the order a directory listing sorted by name gives, as parseDeps reads them.
        Map<String, Group> deps = new TreeMap<>();
        depDirs.forEach((name, sources) -> deps.put(name, parseSources(sources, dir.resolve("deps").resolve(name))));
        depFiles.forEach((name, source) -> deps.put(name, parseSources(List.of(source), source.path())));
        return link(new Linker(features, allFeatures), parseSources(top, dir), List.copyOf(deps.values()));
    }

    private static boolean isBinary(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".wat") || name.endsWith(".wasm");
    }

    private static List<Group> parseDeps(Path deps, BinaryWitDecoder binary) {
        List<Group> groups = new ArrayList<>();
        if (!Files.isDirectory(deps)) {
            return groups;
        }
        for (Path entry : list(deps)) {
            if (Files.isDirectory(entry)) {
                groups.add(parseDir(entry));
            } else {
                String name = entry.getFileName().toString();
                if (name.endsWith(".wit")) {
                    groups.add(parseFile(entry));
                } else if (isBinary(entry)) {
                    if (binary == null) {
                        throw new WitException(entry, "wasm-encoded WIT packages are not supported");
                    }
                    groups.add(new Group(new BinaryUnit(binary.decode(entry), entry), List.of()));
                }
            }
        }
        return groups;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new WitException(dir, "failed to read directory: " + e.getMessage());
        }
    }

    private static Group parseDir(Path dir) {
        List<Source> sources = new ArrayList<>();
        for (Path entry : list(dir)) {
            if (entry.getFileName().toString().endsWith(".wit") && Files.isRegularFile(entry)) {
                sources.add(read(entry));
            }
        }
        return parseSources(sources, dir);
    }

    private static Group parseFile(Path file) {
        return parseSources(List.of(read(file)), file);
    }

    private static Source read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return new Source(file, text);
        } catch (CharacterCodingException e) {
            throw new WitException(file, "input file is not valid utf-8");
        } catch (IOException e) {
            throw new WitException(file, "failed to read file: " + e.getMessage());
        }
    }

    private static Group parseSources(List<Source> sources, Path where) {
        PackageResolver main = new PackageResolver();
        List<Unit> nested = new ArrayList<>();
        for (Source source : sources) {
            Ast.PackageFile file = Parser.parseFile(source);
            List<Ast.AstItem> rest = new ArrayList<>();
            for (Ast.AstItem item : file.items()) {
                if (item instanceof Ast.NestedPackage pkg) {
                    PackageResolver resolver = new PackageResolver();
                    resolver.push(pkg.file());
                    nested.add(new TextUnit(resolver.resolve(source.path(), source)));
                } else {
                    rest.add(item);
                }
            }
            main.push(new Ast.PackageFile(file.packageName(), rest));
        }
        return new Group(new TextUnit(main.resolve(where, sources.isEmpty() ? null : sources.get(0))), nested);
    }

    private static Loaded link(Linker linker, Group main, List<Group> deps) {
        Map<PackageName, Unit> byName = new TreeMap<>(Versions.PACKAGE_ORDER);
        List<Group> groups = new ArrayList<>();
        groups.add(main);
        groups.addAll(deps);
        for (Group g : groups) {
            List<Unit> units = new ArrayList<>(g.nested());
            units.add(g.main());
            for (Unit u : units) {
                if (byName.putIfAbsent(u.name(), u) != null) {
                    String message = "package `" + u.name() + "` is defined in two different locations";
                    throw switch (u) {
                        case TextUnit t -> t.pkg().nameSpan().error(message);
                        case BinaryUnit b -> new WitException(b.file(), message);
                    };
                }
            }
        }
        // Like wit-parser, binary packages are merged in the order they are read, before the WIT text is sorted
        // and linked; the packages a binary refers to are linked before it so that it merges into them.
        List<Unit> order = new ArrayList<>();
        Set<PackageName> done = new HashSet<>();
        for (Group g : groups) {
            if (g.main() instanceof BinaryUnit b) {
                visit(b, byName, order, done, new HashSet<>());
            }
        }
        for (Unit u : byName.values()) {
            visit(u, byName, order, done, new HashSet<>());
        }
        Map<Unit, PackageId> ids = new IdentityHashMap<>();
        for (Unit u : order) {
            ids.put(u, switch (u) {
                case TextUnit t -> linker.append(t.pkg());
                case BinaryUnit b -> BinaryMerge.merge(linker, b.decoded().resolve(), b.decoded().main(), b.file());
            });
        }
        // Nested packages are listed as written, not in dependency order: a printer that writes them in this
        // order gives text that lists them the same way again, even when a dependency that fixed the link
        // order (such as a reference gated away by a feature) is not in the printed text.
        List<PackageId> nested = main.nested().stream().map(ids::get).toList();
        return new Loaded(linker.toResolve(), ids.get(main.main()), nested);
    }

    private static void visit(Unit unit, Map<PackageName, Unit> byName, List<Unit> order, Set<PackageName> done,
                              Set<PackageName> visiting) {
        if (done.contains(unit.name())) {
            return;
        }
        List<PackageName> deps = switch (unit) {
            case TextUnit t -> List.copyOf(t.pkg().foreignDeps().keySet());
            case BinaryUnit b -> b.deps();
        };
        for (int i = 0; i < deps.size(); i++) {
            PackageName dep = deps.get(i);
            if (!visiting.add(dep)) {
                String message = "package `" + dep + "` creates a dependency cycle";
                throw switch (unit) {
                    case TextUnit t -> t.pkg().foreignDepSpans().get(i).error(message);
                    case BinaryUnit b -> new WitException(b.file(), message);
                };
            }
            Unit target = byName.get(dep);
            if (target != null) {
                visit(target, byName, order, done, visiting);
            }
            visiting.remove(dep);
        }
        done.add(unit.name());
        order.add(unit);
    }
}
