package dev.jwc.text.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.NumType;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExprParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreTypeParserTest {
    @Test
    void parsesCoreTypesOutsideAModule() {
        CoreTypeParser types = new CoreTypeParser();
        Cursor c = SExprParser.parse("(type $t (func (param i32) (result (ref null $t))))").cursor().list("type");
        Token.Id id = c.takeId().orElseThrow();
        int index = types.declareType(Optional.of(id));
        SubType t = types.subType(c, index);
        assertThat(t.composite()).isEqualTo(new FuncType(List.of(NumType.I32),
                List.of(new RefType(true, HeapType.index(0)))));
        Cursor v = SExprParser.parse("(ref $t) i64").cursor();
        assertThat(types.valType(v)).isEqualTo(RefType.nonNull(HeapType.index(0)));
        assertThat(types.peekValType(v)).isTrue();
        assertThat(types.valType(v)).isEqualTo(NumType.I64);
    }
}
