package dev.jwc.binary.component;

import java.util.OptionalInt;
import java.util.OptionalLong;

/** The type of a core import or export in a module type. */
public sealed interface CoreExternType {

    /** {@code 0x00 typeidx}. */
    record Func(int type) implements CoreExternType {
    }

    /** {@code 0x01 reftype limits}. */
    record Table(CoreValType.Ref element, Limits limits) implements CoreExternType {
    }

    /** {@code 0x02 limits}. */
    record Memory(Limits limits) implements CoreExternType {
    }

    /** {@code 0x03 valtype mut}. */
    record Global(CoreValType type, boolean mutable, boolean shared) implements CoreExternType {
    }

    /** {@code 0x04 0x00 typeidx}: an exception tag. */
    record Tag(int type) implements CoreExternType {
    }

    /** Table or memory limits with the flags of the threads, memory64 and custom-page-sizes proposals. */
    record Limits(boolean is64, boolean shared, long min, OptionalLong max, OptionalInt pageSizeLog2) {
    }
}
