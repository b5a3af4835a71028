package dev.jwc.wit.resolve;

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
    private record Group(UnresolvedPackage main, List<UnresolvedPackage> nested) {}

    /** What loading produced: the model, the main package of the path and the nested packages beside it. */
    public record Loaded(Resolve resolve, PackageId main, List<PackageId> nested) {}

    private PackageGroups() {}

    /**
     * Loads {@code path} (a file, or a directory with optional {@code deps/}), keeping items gated by
     * {@code @unstable} features in {@code features} (or all of them when {@code allFeatures}).
     */
    public static Loaded load(Path path, Set<String> features, boolean allFeatures) {
        Linker linker = new Linker(features, allFeatures);
        if (Files.isDirectory(path)) {
            Group top = parseDir(path);
            List<Group> deps = parseDeps(path.resolve("deps"));
            return link(linker, top, deps);
        }
        return link(linker, parseFile(path), List.of());
    }

    private static List<Group> parseDeps(Path deps) {
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
                } else if (name.endsWith(".wat") || name.endsWith(".wasm")) {
                    throw new WitException(entry, "wasm-encoded WIT packages are not supported");
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
        List<UnresolvedPackage> nested = new ArrayList<>();
        for (Source source : sources) {
            Ast.PackageFile file = Parser.parseFile(source);
            List<Ast.AstItem> rest = new ArrayList<>();
            for (Ast.AstItem item : file.items()) {
                if (item instanceof Ast.NestedPackage pkg) {
                    PackageResolver resolver = new PackageResolver();
                    resolver.push(pkg.file());
                    nested.add(resolver.resolve(source.path(), source));
                } else {
                    rest.add(item);
                }
            }
            main.push(new Ast.PackageFile(file.packageName(), rest));
        }
        return new Group(main.resolve(where, sources.isEmpty() ? null : sources.get(0)), nested);
    }

    private static Loaded link(Linker linker, Group main, List<Group> deps) {
        Map<PackageName, UnresolvedPackage> byName = new TreeMap<>(Versions.PACKAGE_ORDER);
        List<Group> groups = new ArrayList<>();
        groups.add(main);
        groups.addAll(deps);
        for (Group g : groups) {
            List<UnresolvedPackage> pkgs = new ArrayList<>(g.nested());
            pkgs.add(g.main());
            for (UnresolvedPackage p : pkgs) {
                UnresolvedPackage prev = byName.putIfAbsent(p.name(), p);
                if (prev != null) {
                    throw p.nameSpan().error("package `" + p.name() + "` is defined in two different locations");
                }
            }
        }
        List<UnresolvedPackage> order = new ArrayList<>();
        Set<PackageName> done = new HashSet<>();
        for (UnresolvedPackage p : byName.values()) {
            visit(p, byName, order, done, new HashSet<>());
        }
        PackageId mainId = null;
        List<PackageId> nested = new ArrayList<>();
        for (UnresolvedPackage p : order) {
            PackageId id = linker.append(p);
            if (p == main.main()) {
                mainId = id;
            } else if (main.nested().contains(p)) {
                nested.add(id);
            }
        }
        return new Loaded(linker.toResolve(), mainId, nested);
    }

    private static void visit(UnresolvedPackage pkg, Map<PackageName, UnresolvedPackage> byName,
                              List<UnresolvedPackage> order, Set<PackageName> done, Set<PackageName> visiting) {
        if (done.contains(pkg.name())) {
            return;
        }
        int i = 0;
        for (PackageName dep : pkg.foreignDeps().keySet()) {
            Span span = pkg.foreignDepSpans().get(i++);
            if (!visiting.add(dep)) {
                throw span.error("package `" + dep + "` creates a dependency cycle");
            }
            UnresolvedPackage target = byName.get(dep);
            if (target != null) {
                visit(target, byName, order, done, visiting);
            }
            visiting.remove(dep);
        }
        done.add(pkg.name());
        order.add(pkg);
    }
}
