package dev.jwc.text.component;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.TextException;
import org.junit.jupiter.api.Test;

class AliasParserTest {
    @Test
    void aCoreInstanceExportOfACoreInstanceIsATextError() {
        String source = """
                (component
                  (core module $A)
                  (core instance $A (instantiate $A))
                  (alias core export $A "m" (core instance $m)))
                """;
        assertThatThrownBy(() -> ComponentTextParser.parse(source))
                .isInstanceOf(TextException.class)
                .hasMessageContaining("4:22")
                .hasMessageContaining("not a core instance");
    }
}
