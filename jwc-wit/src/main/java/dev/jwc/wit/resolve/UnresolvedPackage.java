package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.syntax.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One package resolved on its own: local arenas whose ids are local, foreign items placed first (interfaces and
 * worlds of other packages, then {@code Unknown} types used from them), to be linked into a {@link Linker}.
 * {@code memberSpans} gives, for records and variants (by type index), the span of each field or case.
 */
record UnresolvedPackage(
        PackageName name,
        Span nameSpan,
        Docs docs,
        List<MutableType> types,
        List<Span> typeSpans,
        List<MutableInterface> interfaces,
        List<InterfaceSpans> interfaceSpans,
        List<MutableWorld> worlds,
        List<WorldSpans> worldSpans,
        LinkedHashMap<PackageName, LinkedHashMap<String, ForeignItem>> foreignDeps,
        List<Span> foreignDepSpans,
        List<RequiredResource> requiredResources,
        Map<Integer, List<Span>> memberSpans) {

    /** An interface or world of another package, with the gates of every place that names it. */
    record ForeignItem(boolean world, int id, List<Stability> stabilities) {}

    record InterfaceSpans(Span span, List<Span> funcs) {}

    record WorldSpans(Span span, List<Span> imports, List<Span> exports) {}

    /** A type used in a handle that must turn out to be a resource once foreign types are known. */
    record RequiredResource(TypeId type, Span span) {}
}
