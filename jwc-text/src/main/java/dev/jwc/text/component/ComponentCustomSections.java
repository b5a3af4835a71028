package dev.jwc.text.component;

import dev.jwc.binary.component.Section;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.core.CustomSections;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.Set;

/**
 * The custom-section annotations of a component, {@code (@custom "name" (before first|after last)? "data"*)}
 * and {@code (@producers field*)}: each is a custom section at the place it is written (a component has no
 * fixed section order, so the only anchors are the start and the end).
 */
final class ComponentCustomSections {
    private ComponentCustomSections() {}

    /** The annotations that become custom sections. */
    static final Set<String> NAMES = Set.of("custom", "producers");

    /** Where a custom section goes. */
    enum Placement { HERE, FIRST, LAST }

    /** A custom section and where it goes. */
    record Placed(Section.Custom section, Placement placement) {}

    static Placed section(SExpr.SAnnotation annotation) {
        Cursor c = annotation.cursor();
        return switch (annotation.name()) {
            case "producers" -> new Placed(new Section.Custom("producers", CustomSections.producersPayload(c)),
                    Placement.HERE);
            case "custom" -> custom(c);
            default -> throw new IllegalArgumentException("not a custom-section annotation: " + annotation.name());
        };
    }

    private static Placed custom(Cursor c) {
        String name = c.utf8();
        Placement placement = Placement.HERE;
        if (c.peekList()) {
            Cursor place = c.list();
            Position at = place.position();
            String where = place.keyword() + " " + place.keyword();
            place.expectEnd();
            placement = switch (where) {
                case "before first" -> Placement.FIRST;
                case "after last" -> Placement.LAST;
                default -> throw new TextException(at, "a component custom section goes only "
                        + "(before first) or (after last)");
            };
        }
        byte[] data = ComponentTextParser.strings(c);
        return new Placed(new Section.Custom(name, data), placement);
    }
}
