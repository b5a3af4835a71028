package dev.jwc.text.sexpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void walksListsKeywordsIdsAndNumbers() {
        Cursor top = SExprParser.parse("(memory $m (@hint x) 1 0x2) (data \"a\" \"b\") (i64.load offset=0x10 align=8)").cursor();
        Cursor mem = top.list("memory");
        assertThat(mem.takeId()).hasValueSatisfying(id -> assertThat(id.name()).isEqualTo("m"));
        assertThat(mem.u32()).isEqualTo(1);
        assertThat(mem.peekUnsigned()).isTrue();
        assertThat(mem.u64()).isEqualTo(2);
        mem.expectEnd();
        assertThat(top.peekList("data")).isTrue();
        Cursor data = top.list("data");
        assertThat(data.takeId()).isEmpty();
        assertThat(data.peekInteger()).isFalse();
        assertThat(data.takeUtf8()).hasValue("a");
        assertThat(data.string()).containsExactly('b');
        Cursor load = top.list("i64.load");
        assertThat(load.takeKeywordValue("offset=")).hasValue(16L);
        assertThat(load.takeKeywordValue("align=")).hasValue(8L);
        assertThat(top.atEnd()).isTrue();
    }

    @Test
    void annotationsAreSkippedUnlessAsked() {
        Cursor c = SExprParser.parse("(@name \"n\") (func)").cursor();
        assertThat(c.takeAnnotation("name")).hasValueSatisfying(a -> assertThat(a.utf8()).isEqualTo("n"));
        assertThat(c.peekList("func")).isTrue();
        Cursor d = SExprParser.parse("(@name \"n\") (func)").cursor();
        assertThat(d.peekList("func")).isTrue();
    }

    @Test
    void errorsPointAtTheItem() {
        Cursor c = SExprParser.parse("(func\n  foo)").cursor().list("func");
        assertThatThrownBy(c::u32).isInstanceOf(TextException.class).hasMessage("2:3: expected a number, found 'foo'");
        c.keyword();
        assertThatThrownBy(c::keyword).hasMessage("2:6: expected a keyword, found ')'");
        Cursor n = SExprParser.parse("(i32.const 0x1_0000_0000)").cursor().list("i32.const");
        assertThatThrownBy(n::i32).hasMessage("1:12: constant out of range");
        assertThat(((TextException) org.assertj.core.api.Assertions.catchThrowable(n::expectEnd))).isNull();
    }

    @Test
    void unbalancedAndTooDeep() {
        assertThatThrownBy(() -> SExprParser.parse("(a (b)")).hasMessage("1:1: unclosed '('");
        assertThatThrownBy(() -> SExprParser.parse("(a))")).hasMessage("1:4: unexpected ')'");
        String deep = "(".repeat(SExprParser.MAX_DEPTH + 1) + ")".repeat(SExprParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> SExprParser.parse(deep)).hasMessageContaining("nesting deeper");
        assertThat(SExprParser.parse("(a)").end()).isEqualTo(new Position(1, 4));
    }
}
