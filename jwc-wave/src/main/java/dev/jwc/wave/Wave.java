package dev.jwc.wave;

import dev.jwc.types.Val;
import dev.jwc.types.ValueType;

import java.util.Optional;

/**
 * WAVE, the WebAssembly Value Encoding (see wasm-tools' {@code wasm-wave}): parse text into component
 * values of a known type, print values canonically, and parse {@code f(args)} call expressions.
 * Whitespace and {@code //} comments may surround any token.
 */
public final class Wave {
    private Wave() {
    }

    /**
     * Parses {@code text} as one value of {@code type}.
     *
     * @throws WaveException for malformed text or a value that does not fit the type, with its position
     */
    public static Val parse(String text, ValueType type) {
        return parseUntyped(text).toVal(type);
    }

    /** Parses {@code text} as one value without a type; {@link UntypedValue#toVal} types it later. */
    public static UntypedValue parseUntyped(String text) {
        return new UntypedValue(text, new Parser(text, 0).parseValue());
    }

    /** Types a syntax tree parsed from {@code source}. */
    public static Val toVal(WaveNode node, ValueType type, String source) {
        return new Typer(source).toVal(node, type);
    }

    /**
     * The canonical WAVE text of {@code value}, as wasm-wave writes it.
     *
     * @throws IllegalArgumentException if the value does not have the type, or the type has no WAVE
     *                                  encoding (resources, futures, streams, maps, error contexts)
     */
    public static String print(Val value, ValueType type) {
        return Printer.print(value, type);
    }

    /**
     * Parses a call expression {@code name(args...)}; the name is everything before {@code (} (no
     * whitespace, quotes, brackets, braces or commas), e.g. {@code add} or {@code docs:adder/add@0.1.0#add}.
     *
     * @throws WaveException for a missing name or parenthesis, malformed arguments or trailing text
     */
    public static FuncCall parseCall(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        Span nameSpan = new Span(start, end);
        if (end == start) {
            Span at = end < text.length() ? new Span(end, end + 1) : new Span(end, end);
            throw new WaveException(end < text.length() ? WaveException.Kind.INVALID_TOKEN : WaveException.Kind.UNEXPECTED_END,
                    "expected a function name", at, text);
        }
        Optional<WaveNode.Tuple> args = new Parser(text, end).parseArguments();
        return new FuncCall(text, text.substring(start, end), nameSpan, args);
    }

    private static boolean isNameChar(char c) {
        return !Character.isWhitespace(c) && "(),'\"{}[]".indexOf(c) < 0;
    }

    /** Whether {@code label} is a WAVE keyword, so that a case named so must be written {@code %label}. */
    public static boolean isKeyword(String label) {
        return Printer.isKeyword(label);
    }
}
