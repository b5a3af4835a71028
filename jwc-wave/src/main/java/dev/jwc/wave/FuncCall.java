package dev.jwc.wave;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed function call expression {@code name(args...)}, arguments untyped until the function's parameter
 * types are known. The name is whatever precedes {@code (}: {@code f}, or {@code IFACE#f} with a full
 * interface name such as {@code docs:adder/add@0.1.0#add}.
 *
 * @param arguments empty for {@code name()}, else the parenthesized arguments
 */
public record FuncCall(String source, String name, Span nameSpan, Optional<WaveNode.Tuple> arguments) {

    /** The interface part of {@code IFACE#f}, or empty for a plain name. */
    public Optional<String> interfaceName() {
        int hash = name.lastIndexOf('#');
        return hash < 0 ? Optional.empty() : Optional.of(name.substring(0, hash));
    }

    /** The function part: all of a plain name, or what follows {@code #}. */
    public String functionName() {
        return name.substring(name.lastIndexOf('#') + 1);
    }

    /** The argument syntax trees, in order. */
    public List<WaveNode> argumentNodes() {
        return arguments.map(WaveNode.Tuple::elements).orElse(List.of());
    }

    /**
     * Types the arguments against the parameter types. Trailing {@code option} parameters may be left out
     * and are then {@code none}.
     *
     * @throws WaveException for a wrong number of arguments or an argument that does not fit its type
     */
    public List<Val> typedArguments(List<ValueType> paramTypes) {
        if (arguments.isEmpty()) {
            if (!paramTypes.isEmpty()) {
                throw new WaveException(WaveException.Kind.INVALID_PARAMS,
                        "no params provided, but " + paramTypes.size() + " required", nameSpan, source);
            }
            return List.of();
        }
        WaveNode.Tuple args = arguments.get();
        Typer typer = new Typer(source);
        List<Val> values = new ArrayList<>(paramTypes.size());
        for (int i = 0; i < args.elements().size(); i++) {
            WaveNode arg = args.elements().get(i);
            if (i >= paramTypes.size()) {
                throw new WaveException(WaveException.Kind.INVALID_PARAMS, "more param(s) than expected", arg.span(), source);
            }
            values.add(typer.toVal(arg, paramTypes.get(i)));
        }
        for (int i = args.elements().size(); i < paramTypes.size(); i++) {
            if (!(paramTypes.get(i) instanceof ValueType.OptionType)) {
                Span end = new Span(args.span().end() - 1, args.span().end());
                throw new WaveException(WaveException.Kind.INVALID_PARAMS, "missing required param(s)", end, source);
            }
            values.add(Val.none());
        }
        return values;
    }
}
