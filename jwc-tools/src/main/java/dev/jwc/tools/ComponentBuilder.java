package dev.jwc.tools;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.CoreType;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.core.CoreModule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Appends definitions to a component and hands out the index each one takes in its index space. */
final class ComponentBuilder {
    private final List<Section> sections = new ArrayList<>();
    private final Map<ComponentSort, Integer> counts = new EnumMap<>(ComponentSort.class);
    private final Map<CoreSort, Integer> coreCounts = new EnumMap<>(CoreSort.class);

    private int next(Sort sort) {
        return switch (sort) {
            case ComponentSort s -> {
                int n = counts.getOrDefault(s, 0);
                counts.put(s, n + 1);
                yield n;
            }
            case CoreSort s -> {
                int n = coreCounts.getOrDefault(s, 0);
                coreCounts.put(s, n + 1);
                yield n;
            }
        };
    }

    int type(TypeDef type) {
        sections.add(new Section.Types(List.of(type)));
        return next(ComponentSort.TYPE);
    }

    int coreType(CoreType type) {
        sections.add(new Section.CoreTypes(List.of(type)));
        return next(CoreSort.TYPE);
    }

    int alias(Alias alias) {
        sections.add(new Section.Aliases(List.of(alias)));
        return next(alias.sort());
    }

    int importing(Import imported) {
        sections.add(new Section.Imports(List.of(imported)));
        return next(imported.type().sort());
    }

    int export(Export export) {
        sections.add(new Section.Exports(List.of(export)));
        return next(export.sort());
    }

    int module(CoreModule module) {
        sections.add(new Section.CoreModule(CoreModuleBinary.of(module)));
        return next(CoreSort.MODULE);
    }

    int component(Component component) {
        sections.add(new Section.NestedComponent(component));
        return next(ComponentSort.COMPONENT);
    }

    int coreInstance(CoreInstance instance) {
        sections.add(new Section.CoreInstances(List.of(instance)));
        return next(CoreSort.INSTANCE);
    }

    int instance(Instance instance) {
        sections.add(new Section.Instances(List.of(instance)));
        return next(ComponentSort.INSTANCE);
    }

    int canon(Canon canon) {
        sections.add(new Section.Canons(List.of(canon)));
        return next(canon.sort());
    }

    /** A core export of core instance {@code instance}, aliased into this component. */
    int coreExport(int instance, String name, CoreSort sort) {
        return alias(new Alias.CoreInstanceExport(sort, instance, name));
    }

    void custom(Section.Custom custom) {
        sections.add(custom);
    }

    Component build() {
        return new Component(sections);
    }
}
