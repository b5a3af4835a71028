package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import dev.jwc.runtime.core.CoreFunc;
import dev.jwc.types.ResourceType;

/** {@code canon resource.new}, {@code resource.drop} and {@code resource.rep} as core functions. */
public final class ResourceBuiltins {
    private ResourceBuiltins() {
    }

    /** Built-ins that may observe or change handles and tasks first check that the calling instance may leave (not in post-return or realloc). */
    public static void checkMayLeave(InstanceState inst) {
        Trap.trapIf(!inst.mayLeave, "cannot leave component instance");
    }

    public static CoreFunc resourceNew(InstanceState inst, ResourceType rt) {
        return args -> {
            checkMayLeave(inst);
            int i = inst.handles().add(new Handle(rt, (int) args[0], true, null));
            return new long[] {i};
        };
    }

    /** Reads a handle's rep; unlike new and drop it is allowed during post-return. */
    public static CoreFunc resourceRep(InstanceState inst, ResourceType rt) {
        return args -> {
            int i = (int) args[0];
            Handle h = inst.handles().get(i);
            Resources.checkType(context(inst), i, h, rt);
            return new long[] {h.rep};
        };
    }

    public static CoreFunc resourceDrop(InstanceState inst, ResourceType rt) {
        return args -> {
            checkMayLeave(inst);
            int i = (int) args[0];
            Handle h = inst.handles().get(i);
            Resources.checkType(context(inst), i, h, rt);
            Trap.trapIf(h.own && h.lends != 0, "cannot remove owned resource while borrowed");
            inst.handles().remove(i);
            if (!h.own) {
                h.scope.borrows--;
                return new long[0];
            }
            destroy(inst, rt, h.rep);
            return new long[0];
        };
    }

    /** Runs the destructor of resource {@code rep} of type {@code rt}, entering its owner if need be. */
    public static void destroy(InstanceState from, ResourceType rt, int rep) {
        ResourceImpl impl = from.resources().get(rt);
        if (impl == null) {
            return;
        }
        impl.owner().filter(owner -> owner != from)
                .ifPresent(owner -> Trap.trapIf(!owner.mayEnter, "wasm trap: cannot enter component instance"));
        impl.destructor().ifPresent(d -> d.accept(rep));
    }

    private static AbiContext context(InstanceState inst) {
        return new AbiContext(CanonOptions.none(), inst, new CallScope(), new StringHints(), false);
    }
}
