package dev.jwc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsPrettyText() {
        String text = """
                {
                  "a": [
                    1,
                    "x\\n",
                    null,
                    true
                  ],
                  "b": {},
                  "c": []
                }""";
        assertThat(Json.parse(text).toPrettyString()).isEqualTo(text);
    }

    @Test
    void numbersCompareByValue() {
        assertThat(Json.parse("1.0")).isEqualTo(Json.parse("1"));
        assertThat(Json.parse("{\"a\":2}")).isNotEqualTo(Json.parse("{\"a\":3}"));
    }

    @Test
    void reportsOffsetOfMalformedInput() {
        assertThatThrownBy(() -> Json.parse("[1, }"))
                .isInstanceOf(JsonException.class)
                .satisfies(e -> assertThat(((JsonException) e).offset()).isEqualTo(4));
    }
}
