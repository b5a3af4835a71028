package dev.jwc.runtime.core;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chicory 1.7.5 runs no SIMD: its compiler rejects a module with a v128 instruction and its interpreter fails
 * at the first one it executes. Such a module is refused when it is loaded, with a message that says why.
 */
final class SimdCheck {
    private static final Set<OpCode> SIMD = simdOpcodes();

    private SimdCheck() {
    }

    static void requireNone(WasmModule module) {
        firstSimdInstruction(module).ifPresent(found -> {
            throw new CoreLinkException("unsupported core module: " + found
                    + " is a SIMD instruction, which jwc's core engine (Chicory 1.7.5) does not run");
        });
    }

    private static Optional<String> firstSimdInstruction(WasmModule module) {
        FunctionBody[] bodies = module.codeSection().functionBodies();
        int imported = module.importSection().count(ExternalType.FUNCTION);
        for (int f = 0; f < bodies.length; f++) {
            for (AnnotatedInstruction instruction : bodies[f].instructions()) {
                if (SIMD.contains(instruction.opcode())) {
                    String name = instruction.opcode().name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
                    return Optional.of("`" + name + "` in function " + (imported + f));
                }
            }
        }
        return Optional.empty();
    }

    /** By name: {@code V128_*} and the lane shapes ({@code I8x16_*}, {@code F64x2_*}, ...). */
    private static Set<OpCode> simdOpcodes() {
        Pattern simd = Pattern.compile("(V128|[IF](8|16|32|64)X\\d+)_.*", Pattern.CASE_INSENSITIVE);
        Set<OpCode> out = EnumSet.noneOf(OpCode.class);
        for (OpCode op : OpCode.values()) {
            if (simd.matcher(op.name()).matches()) {
                out.add(op);
            }
        }
        return out;
    }
}
