package dev.jwc.witcomponent;

import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.WasmBinary;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WorldId;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a {@code component-type} custom section (see {@link WitEncoding#componentTypeSection}) back into the
 * world it describes.
 */
public final class ComponentTypeSection {
    /** Custom sections whose name starts with this describe a world. */
    public static final String PREFIX = "component-type:";
    static final String ENCODING_SECTION = "wit-component-encoding";
    /** The version byte of the {@code wit-component-encoding} section this implementation writes and reads. */
    static final byte VERSION = 0x04;

    private ComponentTypeSection() {}

    /** A decoded section: the world, in a model holding its package and the packages it uses. */
    public record Decoded(Resolve resolve, WorldId world, WitEncoding.StringEncoding encoding) {}

    /**
     * Decodes every {@code component-type*} custom section of a core module, in order (a module linked from
     * several bindings carries one per world).
     */
    public static List<Decoded> findAll(CoreModule module) {
        List<Decoded> found = new ArrayList<>();
        for (CustomSection section : module.customSections()) {
            if (section instanceof CustomSection.Raw raw && raw.name().startsWith("component-type")) {
                try {
                    found.add(decode(raw.data()));
                } catch (WitComponentException e) {
                    throw new WitComponentException("custom section `" + raw.name() + "`: " + e.getMessage(), e);
                }
            }
        }
        return found;
    }

    /**
     * Decodes the payload of a {@code component-type} custom section.
     *
     * @throws WitComponentException on a malformed payload or an unsupported version
     */
    public static Decoded decode(byte[] payload) {
        WasmBinary binary;
        try {
            binary = ComponentReader.read(payload);
        } catch (DecodeException e) {
            throw new WitComponentException("component-type section: " + e.getMessage(), e);
        }
        if (!(binary instanceof Component component)) {
            throw new WitComponentException("component-type section does not hold a component");
        }
        Section.Custom encodingSection = WitDecoding.custom(component, ENCODING_SECTION);
        WitEncoding.StringEncoding encoding = WitEncoding.StringEncoding.UTF8;
        if (encodingSection != null) {
            byte[] data = encodingSection.data();
            if (data.length != 2 || data[0] != VERSION) {
                throw new WitComponentException("component-type section: unsupported encoding version "
                        + (data.length == 0 ? "(none)" : Integer.toString(data[0] & 0xff)));
            }
            if ((data[1] & 0xff) >= WitEncoding.StringEncoding.values().length) {
                throw new WitComponentException("component-type section: invalid string encoding " + data[1]);
            }
            encoding = WitEncoding.StringEncoding.values()[data[1]];
        }
        if (!(WitDecoding.decode(component) instanceof WitDecoding.Decoded.Package pkg)) {
            throw new WitComponentException("component-type section does not hold a binary WIT package");
        }
        var worlds = pkg.resolve().get(pkg.main()).worlds();
        if (worlds.size() != 1) {
            throw new WitComponentException("component-type section must describe exactly one world, found "
                    + worlds.size());
        }
        return new Decoded(pkg.resolve(), worlds.values().iterator().next(), encoding);
    }
}
