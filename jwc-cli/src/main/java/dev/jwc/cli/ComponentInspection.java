package dev.jwc.cli;

import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.TypeId;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldItem;
import dev.jwc.wit.model.WorldKey;
import dev.jwc.wit.print.WitPrinter;
import dev.jwc.witcomponent.WitDecoding;
import java.util.List;
import java.util.Map;

/**
 * The imports and exports of a component as an indented tree: instances with their types (resources with their
 * methods) and functions, and top-level functions, all in WIT notation through {@link WitPrinter}.
 */
final class ComponentInspection {
    private static final String INDENT = "  ";

    private final Resolve resolve;
    private final StringBuilder out = new StringBuilder();

    private ComponentInspection(Resolve resolve) {
        this.resolve = resolve;
    }

    static String render(WitDecoding.Decoded decoded) {
        return switch (decoded) {
            case WitDecoding.Decoded.Package p -> "WIT package\n" + WitPrinter.print(p.resolve(), p.main());
            case WitDecoding.Decoded.ComponentWorld w -> new ComponentInspection(w.resolve()).world(w.resolve().get(w.world()));
        };
    }

    private String world(World world) {
        out.append("component\n");
        section("imports", world.imports());
        section("exports", world.exports());
        return out.toString();
    }

    private void section(String title, Map<WorldKey, WorldItem> items) {
        line(1, title + ":" + (items.isEmpty() ? " (none)" : ""));
        items.forEach((key, item) -> {
            switch (item) {
                case WorldItem.InterfaceItem i -> {
                    line(2, name(key) + ": instance");
                    Interface iface = resolve.get(i.id());
                    members(3, iface.types(), iface.functions().values());
                }
                case WorldItem.FunctionItem(Function f) when f.kind().owningResource().isPresent() -> { }
                case WorldItem.FunctionItem(Function f) -> line(2, name(key) + ": " + WitPrinter.signature(resolve, f));
                case WorldItem.TypeItem(TypeId id) -> declaration(2, id, worldFunctions(items));
            }
        });
    }

    /** Types first (resources with their methods), then the functions that belong to no resource. */
    private void members(int depth, Map<String, TypeId> types, Iterable<Function> functions) {
        var all = new java.util.ArrayList<Function>();
        functions.forEach(all::add);
        types.values().forEach(id -> declaration(depth, id, all));
        for (Function f : all) {
            if (f.kind().owningResource().isEmpty()) {
                line(depth, f.name() + ": " + WitPrinter.signature(resolve, f));
            }
        }
    }

    private void declaration(int depth, TypeId id, List<Function> functions) {
        List<Function> methods = functions.stream()
                .filter(f -> f.kind().owningResource().filter(id::equals).isPresent())
                .toList();
        WitPrinter.declaration(resolve, id, methods).lines().forEach(l -> line(depth, l));
    }

    private static List<Function> worldFunctions(Map<WorldKey, WorldItem> items) {
        return items.values().stream()
                .<Function>mapMulti((item, sink) -> {
                    if (item instanceof WorldItem.FunctionItem(Function f)) {
                        sink.accept(f);
                    }
                })
                .toList();
    }

    private String name(WorldKey key) {
        return switch (key) {
            case WorldKey.Name(String name) -> name;
            case WorldKey.Iface(var id) -> resolve.qualifiedName(id).orElse("<interface>");
        };
    }

    private void line(int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }
}
