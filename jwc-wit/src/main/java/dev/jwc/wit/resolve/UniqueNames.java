package dev.jwc.wit.resolve;

import dev.jwc.wit.syntax.Ast.Id;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kebab-case names of one scope must differ in more than case (WIT.md: parameters "have case-insensitively unique
 * names"; Binary.md: labels of parameters, fields, cases and flags are strongly-unique in their scope).
 */
final class UniqueNames {
    private UniqueNames() {}

    /** Rejects the first of {@code ids} that repeats an earlier one, exactly or up to case. */
    static void require(List<Id> ids, String what) {
        Map<String, Id> seen = new HashMap<>();
        for (Id id : ids) {
            Id previous = seen.putIfAbsent(id.name().toLowerCase(Locale.ROOT), id);
            if (previous == null) {
                continue;
            }
            if (previous.name().equals(id.name())) {
                throw id.span().error(what + " `" + id.name() + "` is defined more than once");
            }
            throw id.span().error(what + " `" + id.name() + "` conflicts with " + what + " `" + previous.name()
                    + "` (kebab-case identifiers are case-insensitive)");
        }
    }
}
