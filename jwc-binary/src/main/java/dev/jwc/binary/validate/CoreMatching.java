package dev.jwc.binary.validate;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.ValType;
import java.util.stream.Collectors;

/** Whether a core entity may stand where another is expected (core import matching). */
final class CoreMatching {
    private CoreMatching() {
    }

    /** Returns the reason {@code actual} does not match {@code expected}, or {@code null}. */
    static String mismatch(CoreEntity actual, CoreEntity expected) {
        return switch (expected) {
            case CoreEntity.Func e when actual instanceof CoreEntity.Func a -> funcs(a.type(), e.type());
            case CoreEntity.Tag e when actual instanceof CoreEntity.Tag a -> funcs(a.type(), e.type());
            case CoreEntity.Table e when actual instanceof CoreEntity.Table a -> tables(a.type(), e.type());
            case CoreEntity.Memory e when actual instanceof CoreEntity.Memory a -> memories(a.type(), e.type());
            case CoreEntity.Global e when actual instanceof CoreEntity.Global a -> globals(a.type(), e.type());
            default -> "expected " + expected.kind() + ", found " + actual.kind();
        };
    }

    static String funcs(FuncType actual, FuncType expected) {
        return actual.equals(expected) ? null
                : "type mismatch: expected: " + text(expected) + "\nfound:    " + text(actual);
    }

    static String text(FuncType f) {
        StringBuilder s = new StringBuilder("(func");
        if (!f.params().isEmpty()) {
            s.append(" (param ").append(f.params().stream().map(ValType::text).collect(Collectors.joining(" ")))
                    .append(')');
        }
        if (!f.results().isEmpty()) {
            s.append(" (result ").append(f.results().stream().map(ValType::text).collect(Collectors.joining(" ")))
                    .append(')');
        }
        return s.append(')').toString();
    }

    private static String tables(TableType actual, TableType expected) {
        if (!actual.element().equals(expected.element())) {
            return "expected table element type " + expected.element().text() + ", found "
                    + actual.element().text();
        }
        if (actual.table64() != expected.table64()) {
            return "mismatch in index type used for tables";
        }
        if (actual.shared() != expected.shared()) {
            return "mismatch in the shared flag for tables";
        }
        return limits(actual.limits(), expected.limits()) ? null : "mismatch in table limits";
    }

    private static String memories(MemoryType actual, MemoryType expected) {
        if (actual.shared() != expected.shared()) {
            return "mismatch in the shared flag for memories";
        }
        if (actual.memory64() != expected.memory64()) {
            return "mismatch in index type used for memories";
        }
        if (actual.effectivePageSizeLog2() != expected.effectivePageSizeLog2()) {
            return "mismatch in page size for memories";
        }
        return limits(actual.limits(), expected.limits()) ? null : "mismatch in memory limits";
    }

    private static String globals(GlobalType actual, GlobalType expected) {
        if (actual.mutable() != expected.mutable()) {
            return "global types differ in mutability";
        }
        if (actual.shared() != expected.shared()) {
            return "global types differ in shared flag";
        }
        return actual.type().equals(expected.type()) ? null
                : "expected global type " + expected.type().text() + ", found " + actual.type().text();
    }

    private static boolean limits(Limits actual, Limits expected) {
        if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
            return false;
        }
        if (expected.max().isEmpty()) {
            return true;
        }
        return actual.max().isPresent() && Long.compareUnsigned(actual.max().getAsLong(), expected.max().getAsLong()) <= 0;
    }
}
