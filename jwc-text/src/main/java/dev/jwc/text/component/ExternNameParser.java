package dev.jwc.text.component;

import dev.jwc.binary.component.ExternName;
import dev.jwc.text.sexpr.Cursor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Import and export names: a string (or the legacy {@code (interface "...")}) and its attributes. */
final class ExternNameParser {
    private ExternNameParser() {
    }


    /** An import or export name with its attributes. */
    static ExternName externName(Cursor c) {
        String name;
        if (c.peekList("interface")) {
            Cursor l = c.list("interface");
            name = l.utf8();
            l.expectEnd();
        } else {
            name = c.utf8();
        }
        List<ExternName.Attribute> attributes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            String attribute = c.peekListHead().orElse("");
            if (!seen.add(attribute)) {
                throw c.error("unexpected token: duplicate '" + attribute + "' attribute");
            }
            if (c.peekList("implements")) {
                Cursor l = c.list("implements");
                attributes.add(new ExternName.Attribute.Implements(l.utf8()));
                l.expectEnd();
            } else if (c.peekList("versionsuffix")) {
                Cursor l = c.list("versionsuffix");
                attributes.add(new ExternName.Attribute.VersionSuffix(l.utf8()));
                l.expectEnd();
            } else if (c.peekList("external-id")) {
                Cursor l = c.list("external-id");
                attributes.add(new ExternName.Attribute.ExternalId(l.utf8()));
                l.expectEnd();
            } else {
                break;
            }
        }
        return attributes.isEmpty() ? ExternName.of(name)
                : new ExternName(name, ExternName.Form.WITH_ATTRIBUTES, attributes);
    }
}
