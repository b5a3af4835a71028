package dev.jwc.wave;

import java.util.List;
import java.util.Optional;

/**
 * An untyped WAVE value: the syntax tree of the text before it meets a type. Bools, variants, enums,
 * options and results share the label syntax and are told apart only by the type (see {@link Wave#toVal}).
 * Leaves keep their raw text; escapes are decoded when the value is typed.
 */
public sealed interface WaveNode {

    /** Where this node is in the source. */
    Span span();

    /** A number as written: {@code 12}, {@code -3.5e2}, {@code nan}, {@code inf} or {@code -inf}. */
    record Number(String text, Span span) implements WaveNode {
    }

    /** A char literal as written, quotes included. */
    record Char(String raw, Span span) implements WaveNode {
    }

    /** A string literal as written, quotes included; {@code multiline} for {@code """} strings. */
    record Str(String raw, boolean multiline, Span span) implements WaveNode {
    }

    record Bool(boolean value, Span span) implements WaveNode {
    }

    /** A label ({@code %} stripped): a payload-less variant case or an enum case. */
    record Label(String name, Span span) implements WaveNode {
    }

    /** A label with a parenthesized payload: a variant case. */
    record Case(Label label, WaveNode payload, Span span) implements WaveNode {
    }

    /** {@code some(x)}. */
    record Some(WaveNode payload, Span span) implements WaveNode {
    }

    /** {@code none}. */
    record None(Span span) implements WaveNode {
    }

    /** {@code ok} or {@code ok(x)}. */
    record Ok(Optional<WaveNode> payload, Span span) implements WaveNode {
    }

    /** {@code err} or {@code err(x)}. */
    record Err(Optional<WaveNode> payload, Span span) implements WaveNode {
    }

    record Tuple(List<WaveNode> elements, Span span) implements WaveNode {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    record ListNode(List<WaveNode> elements, Span span) implements WaveNode {
        public ListNode {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {a: 1, b: 2}} or the empty record {@code {:}}; field names are distinct. */
    record RecordNode(List<FieldNode> fields, Span span) implements WaveNode {
        public RecordNode {
            fields = List.copyOf(fields);
        }
    }

    record FieldNode(Label label, WaveNode value) {
    }

    /** {@code {a, b}} or {@code {}}; flag names are distinct. */
    record Flags(List<Label> names, Span span) implements WaveNode {
        public Flags {
            names = List.copyOf(names);
        }
    }
}
