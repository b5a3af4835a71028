package dev.jwc.witcomponent;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import java.util.Map;

/**
 * Decodes WIT from a component binary, as wit-component's {@code decode} does: either a binary-encoded WIT
 * package (every export is a component type) or the world of an ordinary component.
 */
public final class WitDecoding {
    /** The package and world of a component's decoded world, as {@code wasm-tools component wit} names them. */
    public static final PackageName COMPONENT_PACKAGE = new PackageName("root", "component");
    public static final String COMPONENT_WORLD = "root";

    private WitDecoding() {}

    /** What a binary held. */
    public sealed interface Decoded {
        Resolve resolve();

        /** The package to print: the encoded package, or the package of the component's world. */
        PackageId main();

        /** A binary-encoded WIT package {@code pkg}; other packages of the model are the foreign ones it uses. */
        record Package(Resolve resolve, PackageId main) implements Decoded {}

        /** An ordinary component whose imports and exports make up {@code world}. */
        record ComponentWorld(Resolve resolve, PackageId main, WorldId world) implements Decoded {}
    }

    /**
     * Decodes {@code bytes}, a component.
     *
     * @throws WitComponentException when the bytes are not a component or its types are not WIT
     */
    public static Decoded decode(byte[] bytes) {
        WasmBinary binary;
        try {
            binary = ComponentReader.read(bytes);
        } catch (DecodeException e) {
            throw new WitComponentException("invalid component: " + e.getMessage(), e);
        }
        if (!(binary instanceof Component component)) {
            throw new WitComponentException("input is a core module, not a component");
        }
        return decode(component);
    }

    /** Decodes a component model. */
    public static Decoded decode(Component component) {
        Scope top = Scope.ofComponent(component);
        return isPackage(top) ? decodePackage(component, top) : decodeWorld(top);
    }

    private static boolean isPackage(Scope top) {
        return !top.exports.isEmpty() && top.imports.isEmpty() && top.exports.values().stream()
                .allMatch(e -> e instanceof Extern.Type(TypeEntry t) && underlying(t) instanceof TypeEntry.Component);
    }

    private static TypeEntry underlying(TypeEntry t) {
        TypeEntry e = t;
        while (e instanceof TypeEntry.Named n) {
            e = n.target;
        }
        return e;
    }

    private static Decoded decodePackage(Component component, Scope top) {
        Decoder decoder = new Decoder();
        PackageId main = null;
        boolean v1 = top.exports.size() == 1 && QualifiedName.isQualified(top.exports.keySet().iterator().next());
        for (Map.Entry<String, Extern> e : top.exports.entrySet()) {
            Scope body = ((TypeEntry.Component) underlying(((Extern.Type) e.getValue()).type())).body();
            for (Map.Entry<String, Extern> imp : body.imports.entrySet()) {
                if (!(imp.getValue() instanceof Extern.Instance(Scope instance))) {
                    throw new WitComponentException("import `" + imp.getKey() + "` of `" + e.getKey()
                            + "` is not an instance");
                }
                decoder.fillInterface(decoder.interfaceOf(imp.getKey()), instance, false);
            }
            if (!v1 && body.exports.size() != 1) {
                throw new WitComponentException("`" + e.getKey() + "` must export exactly one interface or world");
            }
            for (Map.Entry<String, Extern> exp : body.exports.entrySet()) {
                QualifiedName q = QualifiedName.parse(exp.getKey());
                PackageId pkg = decoder.packageOf(q.pkg());
                if (main != null && !main.equals(pkg)) {
                    throw new WitComponentException("`" + exp.getKey() + "` belongs to another package than "
                            + "the exports before it");
                }
                main = pkg;
                switch (exp.getValue()) {
                    case Extern.Instance(Scope instance) ->
                            decoder.fillInterface(decoder.interfaceOf(exp.getKey()), instance, true);
                    case Extern.Component(TypeEntry.Component world) -> decoder.world(q.item(), world.body(), pkg);
                    default -> throw new WitComponentException("`" + exp.getKey()
                            + "` is neither an interface (instance) nor a world (component)");
                }
            }
        }
        if (main == null) {
            throw new WitComponentException("the binary WIT package names no package");
        }
        Resolve resolve = PackageMetadata.apply(component, decoder.finish(), main);
        return new Decoded.Package(resolve, main);
    }

    private static Decoded decodeWorld(Scope top) {
        Decoder decoder = new Decoder();
        PackageId pkg = decoder.packageOf(COMPONENT_PACKAGE);
        WorldId world = decoder.world(COMPONENT_WORLD, top, pkg);
        return new Decoded.ComponentWorld(decoder.finish(), pkg, world);
    }

    static Section.Custom custom(Component component, String name) {
        for (Section s : component.sections()) {
            if (s instanceof Section.Custom c && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
