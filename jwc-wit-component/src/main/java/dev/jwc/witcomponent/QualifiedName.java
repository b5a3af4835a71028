package dev.jwc.witcomponent;

import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Version;
import java.util.Optional;

/** An interface or world named with its package: {@code ns:pkg/item[@version]}. */
record QualifiedName(PackageName pkg, String item) {

    /** Whether {@code name} has the {@code ns:pkg/item} shape rather than being a plain kebab name. */
    static boolean isQualified(String name) {
        return name.indexOf(':') > 0 && name.indexOf('/') > name.indexOf(':');
    }

    static QualifiedName parse(String name) {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/', colon + 1);
        if (colon <= 0 || slash < 0) {
            throw new WitComponentException("`" + name + "` is not a qualified interface or world name");
        }
        int at = name.indexOf('@', slash);
        String item = at < 0 ? name.substring(slash + 1) : name.substring(slash + 1, at);
        Optional<Version> version;
        try {
            version = at < 0 ? Optional.empty() : Optional.of(Version.parse(name.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            throw new WitComponentException("`" + name + "`: " + e.getMessage(), e);
        }
        return new QualifiedName(new PackageName(name.substring(0, colon), name.substring(colon + 1, slash),
                version), item);
    }
}
