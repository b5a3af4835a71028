package dev.jwc.cli;

import dev.jwc.runtime.Func;
import dev.jwc.runtime.Instance;
import dev.jwc.runtime.Trap;
import dev.jwc.types.FuncType;
import dev.jwc.types.Val;
import dev.jwc.wave.FuncCall;
import dev.jwc.wave.Wave;
import dev.jwc.wave.WaveException;
import java.util.List;
import java.util.Optional;

/**
 * {@code --invoke 'EXPR'}: one call of a component export, written and answered in WAVE. EXPR is
 * {@code f(args)} for a root export or {@code IFACE#f(args)} with the full interface export name.
 */
final class Invoke {
    private final String expression;
    private final FuncCall call;

    /** Parses EXPR up front, so that malformed text is reported before the component runs. */
    Invoke(String expression) {
        this.expression = expression;
        try {
            this.call = Wave.parseCall(expression);
        } catch (WaveException e) {
            throw new UserError("--invoke: " + describe(e));
        }
    }

    /**
     * Calls the function on {@code instance}; the result is its WAVE text, empty without a result.
     *
     * @throws UserError for an unknown export or arguments that do not fit the parameters
     * @throws Trap      when the guest traps
     */
    Optional<String> callOn(Instance instance) {
        Func func = find(instance);
        FuncType type = func.type();
        List<Val> args;
        try {
            args = call.typedArguments(type.paramTypes());
        } catch (WaveException e) {
            throw new UserError("--invoke: " + describe(e));
        }
        Optional<Val> result = func.call(args);
        return type.result().map(t -> Wave.print(result.orElseThrow(), t));
    }

    private Func find(Instance instance) {
        Instance owner = instance;
        Optional<String> iface = call.interfaceName();
        if (iface.isPresent()) {
            owner = instance.instance(iface.get()).orElseThrow(() -> new UserError(
                    "--invoke: the component exports no instance `" + iface.get() + "`" + known(instance)));
        }
        String name = call.functionName();
        Instance scope = owner;
        return owner.func(name).orElseThrow(() -> new UserError("--invoke: "
                + iface.map(i -> "instance `" + i + "` exports").orElse("the component exports")
                + " no function `" + name + "`" + known(scope)));
    }

    private static String known(Instance instance) {
        return instance.exportNames().isEmpty() ? "" : " (exports: " + String.join(", ", instance.exportNames()) + ")";
    }

    private String describe(WaveException e) {
        return e.getMessage() + " in `" + expression + "`";
    }
}
