package dev.jwc.cli.wast;

import java.util.ArrayList;
import java.util.List;

/** The outcome of running one script: counts and one line per failure ({@code file:line: message}). */
public final class WastReport {
    private final List<String> failures = new ArrayList<>();
    private final List<String> skips = new ArrayList<>();
    private final List<Integer> failedLines = new ArrayList<>();
    private int passed;

    void pass() {
        passed++;
    }

    void fail(String file, int line, String message) {
        failures.add(file + ":" + line + ": " + message);
        failedLines.add(line);
    }

    void skip(String file, int line, String reason) {
        skips.add(file + ":" + line + ": " + reason);
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failures.size();
    }

    public int skipped() {
        return skips.size();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The script lines of failed directives. */
    public List<Integer> failedLines() {
        return List.copyOf(failedLines);
    }

    public List<String> skips() {
        return List.copyOf(skips);
    }

    public String summary() {
        return passed + " passed, " + failed() + " failed, " + skipped() + " skipped";
    }
}
