package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.text.Wat;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.World;
import dev.jwc.wit.model.WorldId;
import dev.jwc.wit.model.WorldItem;
import java.util.stream.Collectors;

/**
 * A core module that implements a world with {@code unreachable} bodies, named as wit-component's dummy module
 * is: imports {@code $root::f} and {@code iface::f}, exports {@code f}, {@code iface#f}, {@code cabi_post_*}
 * where results are allocated, {@code memory} and {@code cabi_realloc}.
 */
final class DummyModule {
    private final Resolve resolve;
    private final CanonicalAbi abi;
    private final StringBuilder imports = new StringBuilder();
    private final StringBuilder exports = new StringBuilder();

    private DummyModule(Resolve resolve) {
        this.resolve = resolve;
        this.abi = new CanonicalAbi(resolve);
    }

    static CoreModule of(Resolve resolve, WorldId world) {
        return Wat.parseCoreModule(new DummyModule(resolve).text(resolve.get(world)));
    }

    private String text(World world) {
        world.imports().forEach((key, item) -> {
            String name = ComponentNew.keyName(resolve, key);
            switch (item) {
                case WorldItem.FunctionItem(Function f) -> importFunc(ComponentNew.ROOT_MODULE, f);
                case WorldItem.InterfaceItem i -> resolve.get(i.id()).functions().values()
                        .forEach(f -> importFunc(name, f));
                case WorldItem.TypeItem t -> { }
            }
        });
        world.exports().forEach((key, item) -> {
            String name = ComponentNew.keyName(resolve, key);
            switch (item) {
                case WorldItem.FunctionItem(Function f) -> exportFunc(f.name(), f);
                case WorldItem.InterfaceItem i -> resolve.get(i.id()).functions().values()
                        .forEach(f -> exportFunc(name + "#" + f.name(), f));
                case WorldItem.TypeItem t -> { }
            }
        });
        return "(module\n" + imports + "  (memory (export \"" + ComponentNew.MEMORY + "\") 0)\n"
                + "  (func (export \"" + ComponentNew.REALLOC + "\") (param i32 i32 i32 i32) (result i32) unreachable)\n"
                + exports + ")\n";
    }

    private void importFunc(String module, Function f) {
        imports.append("  (import ").append(quote(module)).append(' ').append(quote(f.name())).append(" (func ")
                .append(signature(abi.signature(f, CanonicalAbi.Direction.LOWER))).append("))\n");
    }

    private void exportFunc(String name, Function f) {
        exports.append("  (func (export ").append(quote(name)).append(") ")
                .append(signature(abi.signature(f, CanonicalAbi.Direction.LIFT))).append(" unreachable)\n");
        if (abi.needsRealloc(f, CanonicalAbi.Direction.LOWER)) {
            exports.append("  (func (export ").append(quote(ComponentNew.POST_RETURN + name))
                    .append(") (param i32))\n");
        }
    }

    static String signature(FuncType t) {
        return "(param" + t.params().stream().map(v -> " " + v.text()).collect(Collectors.joining())
                + ") (result" + t.results().stream().map(v -> " " + v.text()).collect(Collectors.joining()) + ")";
    }

    /** A WAT string literal; WIT names are ASCII identifiers with {@code :/@.#[]-}, which need no escapes. */
    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
