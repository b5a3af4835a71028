package dev.jwc.text.core;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One index space of a module (functions, types, locals, ...): its size and its {@code $id}s. */
final class Namespace {
    private final String kind;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, String> names = new LinkedHashMap<>();
    private int count;

    Namespace(String kind) {
        this.kind = kind;
    }

    /** Adds the next index, named by {@code id} if present; duplicate ids are an error. */
    int add(Optional<Token.Id> id) {
        int index = count++;
        id.ifPresent(i -> bind(i, index));
        return index;
    }

    /** Names an index already counted. */
    void bind(Token.Id id, int index) {
        if (ids.putIfAbsent(id.name(), index) != null) {
            throw new TextException(id.position(), "duplicate " + kind + " identifier");
        }
        names.put(index, id.name());
    }

    /** Names an index by a {@code (@name "...")} annotation, which wins over its {@code $id}. */
    void rename(int index, String name) {
        names.put(index, name);
    }

    int count() {
        return count;
    }

    /** Index to {@code $id} name, in binding order. */
    Map<Integer, String> names() {
        return names;
    }

    boolean peek(Cursor c) {
        return c.peekId() || c.peekUnsigned();
    }

    /** Consumes an index: {@code $id} or a u32. */
    int resolve(Cursor c) {
        if (c.peekId()) {
            Token.Id id = c.id();
            return lookup(id.name(), id.position());
        }
        if (!c.peekUnsigned()) {
            throw c.error("expected a " + kind + " index or identifier");
        }
        return c.u32();
    }

    /** Consumes an index if one comes next. */
    Optional<Integer> take(Cursor c) {
        return peek(c) ? Optional.of(resolve(c)) : Optional.empty();
    }

    int lookup(String name, Position at) {
        Integer index = ids.get(name);
        if (index == null) {
            throw new TextException(at, "unknown " + kind + ": failed to find name `$" + name + "`");
        }
        return index;
    }
}
