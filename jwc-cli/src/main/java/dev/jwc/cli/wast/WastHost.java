package dev.jwc.cli.wast;

import dev.jwc.runtime.Engine;
import dev.jwc.runtime.Linker;
import dev.jwc.runtime.LinkerInstance;
import dev.jwc.runtime.Resource;
import dev.jwc.runtime.Trap;
import dev.jwc.types.FuncType;
import dev.jwc.types.ResourceType;
import dev.jwc.types.Val;
import dev.jwc.types.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * The host items Wasmtime's component wast runner links every script against: {@code host-return-two},
 * and instance {@code host} with functions, a nested instance, a core module and resources.
 */
final class WastHost {
    private static final ValueType U32 = ValueType.Primitive.U32;
    /** {@code (module (global (export "g") i32 (i32.const 100)) (func (export "f") (result i32) i32.const 101))}. */
    private static final byte[] SIMPLE_MODULE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x06, 0x07, 0x01, 0x7f, 0x00, 0x41, (byte) 0xe4, 0x00, 0x0b,
        0x07, 0x09, 0x02, 0x01, 0x67, 0x03, 0x00, 0x01, 0x66, 0x00, 0x00,
        0x0a, 0x07, 0x01, 0x05, 0x00, 0x41, (byte) 0xe5, 0x00, 0x0b,
    };

    private int drops;
    private int lastDrop;

    Linker linker(Engine engine) {
        Linker linker = new Linker(engine);
        linker.root().func("host-return-two", returning(U32), args -> Optional.of(Val.u32(2)));
        LinkerInstance host = linker.root().instance("host");
        host.func("return-three", returning(U32), args -> Optional.of(Val.u32(3)));
        host.instance("nested").func("return-four", returning(U32), args -> Optional.of(Val.u32(4)));
        host.module("simple-module", SIMPLE_MODULE);

        ResourceType resource1 = new ResourceType("resource1");
        ResourceType resource2 = new ResourceType("resource2");
        host.resource("resource1", resource1, rep -> {
            drops++;
            lastDrop = rep;
        });
        host.resource("resource2", resource2, rep -> { });
        host.resourceAlias("resource1-again", resource1);
        ValueType own = new ValueType.Own(resource1);
        ValueType borrow = new ValueType.Borrow(resource1);
        host.func("[constructor]resource1", type(List.of(U32), Optional.of(own)),
                args -> Optional.of(new Val.Own(new Resource(resource1, u32(args.get(0))))));
        host.func("[static]resource1.assert", type(List.of(own, U32), Optional.empty()), args -> {
            check(rep(args.get(0)) == u32(args.get(1)), "resource1.assert: wrong rep");
            return Optional.empty();
        });
        host.func("[static]resource1.last-drop", returning(U32), args -> Optional.of(Val.u32(Integer.toUnsignedLong(lastDrop))));
        host.func("[static]resource1.drops", returning(U32), args -> Optional.of(Val.u32(drops)));
        host.func("[method]resource1.simple", type(List.of(borrow, U32), Optional.empty()), args -> {
            check(args.get(0) instanceof Val.Borrow, "resource1.simple: expected a borrow");
            check(rep(args.get(0)) == u32(args.get(1)), "resource1.simple: wrong rep");
            return Optional.empty();
        });
        host.func("[method]resource1.take-borrow", type(List.of(borrow, borrow), Optional.empty()), args -> Optional.empty());
        host.func("[method]resource1.take-own", type(List.of(borrow, own), Optional.empty()), args -> Optional.empty());
        return linker;
    }

    private static FuncType returning(ValueType t) {
        return type(List.of(), Optional.of(t));
    }

    private static FuncType type(List<ValueType> params, Optional<ValueType> result) {
        List<FuncType.Param> ps = new java.util.ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            ps.add(new FuncType.Param("p" + i, params.get(i)));
        }
        return new FuncType(ps, result);
    }

    private static int u32(Val v) {
        return ((Val.U32) v).bits();
    }

    private static int rep(Val v) {
        return switch (v) {
            case Val.Own o -> ((Resource) o.handle()).rep();
            case Val.Borrow b -> ((Resource) b.handle()).rep();
            default -> throw new Trap("expected a resource, found " + v);
        };
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new Trap(message);
        }
    }
}
