package dev.jwc.binary;

import java.util.EnumSet;
import java.util.Set;

/** An immutable set of enabled {@link Feature}s. */
public record Features(Set<Feature> enabled) {
    public Features {
        enabled = Set.copyOf(enabled);
    }

    public static Features defaults() {
        EnumSet<Feature> set = EnumSet.noneOf(Feature.class);
        for (Feature f : Feature.values()) {
            if (f.enabledByDefault()) {
                set.add(f);
            }
        }
        return new Features(set);
    }

    public static Features all() {
        return new Features(EnumSet.allOf(Feature.class));
    }

    /**
     * The defaults plus the gated component-model features that the component-model spec tests exercise
     * (async, threading, error-context, fixed-length lists, map, implements), as Wasmtime's wast runner enables them.
     */
    public static Features specTests() {
        return defaults().apply("cm-async,cm-async-builtins,cm-more-async-builtins,cm-threading,cm-async-stackful,"
                + "cm-implements,cm-fixed-length-lists,cm-map,cm-error-context");
    }

    public boolean has(Feature f) {
        return enabled.contains(f);
    }

    public Features with(Feature f) {
        EnumSet<Feature> set = copy();
        set.add(f);
        return new Features(set);
    }

    public Features without(Feature f) {
        EnumSet<Feature> set = copy();
        set.remove(f);
        return new Features(set);
    }

    /**
     * Applies a wasm-tools style list to these features: {@code "gc,cm-async,-exceptions"} enables the
     * named features and disables those prefixed with {@code -}.
     *
     * @throws IllegalArgumentException naming the first unknown feature
     */
    public Features apply(String list) {
        EnumSet<Feature> set = copy();
        for (String item : list.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            boolean disable = name.startsWith("-");
            Feature f = Feature.byFlagName(disable ? name.substring(1) : name);
            if (f == null) {
                throw new IllegalArgumentException("unknown feature '" + name + "'");
            }
            if (disable) {
                set.remove(f);
            } else {
                set.add(f);
            }
        }
        return new Features(set);
    }

    private EnumSet<Feature> copy() {
        return enabled.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(enabled);
    }
}
