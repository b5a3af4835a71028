package dev.jwc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class KnownFailuresTest {
    private static final String LIST = "testkit-known-failures.txt";

    @Test
    void aRunFailingExactlyTheListedCasesPasses() {
        KnownFailures known = KnownFailures.load(LIST);
        known.fail("a", "why");
        known.fail("positive/b", "why");
        known.fail("parse-fail/c", "why");
        known.pass(2);
        known.skip();
        assertThat(known.counts()).isEqualTo("2 passed, 3 failed, 1 skipped");
        assertThatCode(() -> known.verify("run")).doesNotThrowAnyException();
    }

    @Test
    void anUnlistedFailureIsARegression() {
        assertThatThrownBy(() -> KnownFailures.check(LIST, "run", List.of("a", "positive/b", "parse-fail/c", "d"),
                Map.of("a", "x", "positive/b", "x", "parse-fail/c", "x", "d", "broken"), 0))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("regression: d # broken");
    }

    @Test
    void aListedCaseThatDidNotFailMustLeaveTheList() {
        assertThatThrownBy(() -> KnownFailures.check(LIST, "run", List.of("a", "positive/b", "parse-fail/c"),
                Map.of("a", "x", "positive/b", "x"), 0))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("did not fail, remove from " + LIST + ": parse-fail/c");
    }

    @Test
    void aGroupSeesOnlyItsOwnEntries() {
        KnownFailures positive = KnownFailures.loadGroup(LIST, "positive");
        positive.record(List.of("b", "e"), Map.of("b", "x"));
        assertThat(positive.counts()).isEqualTo("1 passed, 1 failed, 0 skipped");
        assertThatCode(() -> positive.verify("positive")).doesNotThrowAnyException();
    }

    @Test
    void aMissingListIsAnError() {
        assertThatThrownBy(() -> KnownFailures.load("no-such-list.txt")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-list.txt");
    }
}
