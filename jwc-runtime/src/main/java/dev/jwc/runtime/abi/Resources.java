package dev.jwc.runtime.abi;

import dev.jwc.runtime.Resource;
import dev.jwc.runtime.Trap;
import dev.jwc.types.ResourceHandle;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;

/** Lifting and lowering of {@code own} and {@code borrow} handles against a handle table. */
final class Resources {
    private Resources() {
    }

    static Val liftOwn(AbiContext cx, int i, ResourceType t) {
        Handle h = cx.inst().handles().remove(i);
        checkType(cx, i, h, t);
        Trap.trapIf(h.lends != 0, "cannot remove owned resource while borrowed");
        Trap.trapIf(!h.own, "cannot lift own resource from borrow handle index " + i);
        return new Val.Own(new Resource(t, h.rep));
    }

    static Val liftBorrow(AbiContext cx, int i, ResourceType t) {
        Handle h = cx.inst().handles().get(i);
        checkType(cx, i, h, t);
        cx.scope().addLender(h);
        return new Val.Borrow(new Resource(t, h.rep));
    }

    static int lowerOwn(AbiContext cx, ResourceHandle handle, ResourceType t) {
        Resource r = resource(handle, t);
        return cx.inst().handles().add(new Handle(t, r.rep(), true, null));
    }

    static int lowerBorrow(AbiContext cx, ResourceHandle handle, ResourceType t) {
        Resource r = resource(handle, t);
        ResourceImpl impl = cx.inst().resources().get(t);
        if (impl != null && impl.owner().orElse(null) == cx.inst()) {
            return r.rep();
        }
        cx.scope().borrows++;
        return cx.inst().handles().add(new Handle(t, r.rep(), false, cx.scope()));
    }

    private static Resource resource(ResourceHandle handle, ResourceType t) {
        if (!(handle instanceof Resource r)) {
            throw new IllegalArgumentException("not a resource handed out by this runtime: " + handle);
        }
        if (r.type() != t) {
            throw new Trap("resource types are not the same: expected " + t.name() + ", found " + r.type().name());
        }
        return r;
    }

    /** Traps with Wasmtime's wording when handle {@code i} is of another resource type than {@code t}. */
    static void checkType(AbiContext cx, int i, Handle h, ResourceType t) {
        if (h.type != t) {
            String expected = describe(cx, t);
            String found = describe(cx, h.type);
            if (expected.equals(found)) {
                found = "a different " + found;
            }
            throw new Trap("handle index " + i + " used with the wrong type, expected " + expected
                    + " but found " + found);
        }
    }

    private static String describe(AbiContext cx, ResourceType t) {
        ResourceImpl impl = cx.inst().resources().get(t);
        return impl != null && impl.owner().isPresent() ? "guest-defined resource" : "host-defined resource";
    }
}
