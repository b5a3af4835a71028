package dev.jwc.text.component;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Sort;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.Optional;

/** {@code (alias ...)} in its three forms, and the {@code (sort $id? (alias ...))} abbreviation. */
final class AliasParser {
    private AliasParser() {
    }

    /** {@code (alias target (sort $id?))}; {@code c} is past {@code alias}. */
    static Pending alias(Cursor c) {
        return alias(c, false);
    }

    /** An alias in a module type, where the sort {@code type} means a core type. */
    static Pending coreTypeAlias(Cursor c) {
        return alias(c, true);
    }

    private static Pending alias(Cursor c, boolean inModuleType) {
        Position start = c.position();
        Target target = target(c);
        Position at = c.position();
        Cursor s = c.list();
        Sort sort = sort(s, at);
        if (inModuleType) {
            if (!(target instanceof Target.Outer) || (sort != ComponentSort.TYPE && sort != CoreSort.TYPE)) {
                throw new TextException(start, "module types can only alias outer core types");
            }
            sort = CoreSort.TYPE;
        }
        Optional<Scope.Name> name = Scope.Name.take(s);
        s.expectEnd();
        c.expectEnd();
        return pending(target, sort, name);
    }

    /** {@code (sort $id? (alias target))}: {@code c} is past {@code alias} in the inner list. */
    static Pending sugar(Cursor c, Sort sort, Optional<Scope.Name> name) {
        Target target = target(c);
        c.expectEnd();
        return pending(target, sort, name);
    }

    /**
     * Whether {@code (alias target)} without a trailing sort comes next: the {@code (sort $id? (alias
     * ...))} abbreviation, rather than an alias field of a nested component.
     */
    static boolean peekSugar(Cursor c) {
        return c.peek().orElse(null) instanceof SExpr.SList l
                && l.head().filter("alias"::equals).isPresent()
                && !(l.items().get(l.items().size() - 1) instanceof SExpr.SList);
    }

    /** A sort keyword ({@code func}, {@code core func}, ...) at the start of {@code c}. */
    static Sort sort(Cursor c, Position at) {
        String k = c.keyword();
        if (k.equals("core")) {
            return coreSort(c.keyword(), at);
        }
        for (ComponentSort s : ComponentSort.values()) {
            if (s.keyword().equals(k)) {
                return s;
            }
        }
        throw new TextException(at, "unknown sort '" + k + "'");
    }

    /** The core sort named {@code keyword} (without the {@code core} prefix). */
    static CoreSort coreSort(String keyword, Position at) {
        for (CoreSort s : CoreSort.values()) {
            if (s.keyword().equals(keyword)) {
                return s;
            }
        }
        throw new TextException(at, "unknown core sort '" + keyword + "'");
    }

    private sealed interface Target {
        record Export(Ref instance, String name) implements Target {
        }

        record CoreExport(Ref instance, String name) implements Target {
        }

        record Outer(Ref outer, Ref index, Position position) implements Target {
        }
    }

    private static Target target(Cursor c) {
        Position at = c.position();
        if (c.takeKeyword("export")) {
            Ref instance = RefParser.ref(c);
            return new Target.Export(instance.base(), instance.exportNames().isEmpty() ? c.utf8()
                    : single(instance, at));
        }
        if (c.takeKeyword("core")) {
            c.expectKeyword("export");
            Ref instance = RefParser.ref(c);
            return new Target.CoreExport(instance.base(), instance.exportNames().isEmpty() ? c.utf8()
                    : single(instance, at));
        }
        if (c.takeKeyword("outer")) {
            Ref outer = RefParser.ref(c);
            Ref index = RefParser.ref(c);
            return new Target.Outer(outer, index, at);
        }
        throw new TextException(at, "expected 'export', 'core export' or 'outer'");
    }

    private static String single(Ref instance, Position at) {
        if (instance.exportNames().size() != 1) {
            throw new TextException(at, "expected one export name");
        }
        return instance.exportNames().get(0);
    }

    private static Pending pending(Target target, Sort sort, Optional<Scope.Name> name) {
        return switch (target) {
            case Target.Export e -> Pending.of(
                    s -> new Alias.InstanceExport(sort, s.resolve(ComponentSort.INSTANCE, e.instance()), e.name()),
                    sort, name, null);
            case Target.CoreExport e -> {
                if (!(sort instanceof CoreSort core)) {
                    throw new TextException(e.instance().position(), "expected a core sort");
                }
                if (core == CoreSort.TYPE || core == CoreSort.MODULE || core == CoreSort.INSTANCE) {
                    throw new TextException(e.instance().position(),
                            "a core instance exports only a func, table, memory, global or tag, not a core "
                                    + core.keyword());
                }
                yield Pending.of(
                        s -> new Alias.CoreInstanceExport(core, s.resolve(CoreSort.INSTANCE, e.instance()), e.name()),
                        sort, name, null);
            }
            case Target.Outer o -> Pending.of(s -> outer(s, o, sort), sort, name, null);
        };
    }

    private static Alias outer(Scope s, Target.Outer o, Sort sort) {
        if (o.index() instanceof Ref.Named n) {
            Scope.checkOuterSort(sort, n);
        }
        if (o.outer() instanceof Ref.Numbered count && o.index() instanceof Ref.Numbered index) {
            return new Alias.Outer(sort, count.index(), index.index());
        }
        int depth = switch (o.outer()) {
            case Ref.Named n -> s.outerDepth(n.name(), n.position());
            case Ref.Numbered n -> n.index();
            case Ref.Generated g -> throw new IllegalStateException("generated outer reference");
        };
        Scope target = s.outer(depth, o.position());
        return new Alias.Outer(sort, depth, target.resolveHere(sort, o.index()));
    }
}
