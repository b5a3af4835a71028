package dev.jwc.cli;

import dev.jwc.runtime.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code -C} engine options of commands that run guests, after Wasmtime's: the compile cache (on by
 * default, so a component compiled once starts fast afterwards) and the size below which core modules
 * are interpreted (small modules start faster interpreted than compiled).
 */
final class EngineOptions {
    /** Below this many bytes a core module is interpreted; adapter and hello-world sized modules are. */
    static final int DEFAULT_INTERPRETER_THRESHOLD = 16 * 1024;

    @Option(names = "-C", paramLabel = "OPT=VALUE",
            description = "Engine options: cache=y|n (compile cache, default y), cache-dir=DIR (default $JWC_CACHE_DIR,"
                    + " else $XDG_CACHE_HOME/jwc, else ~/.cache/jwc), interpreter-threshold=BYTES (core modules"
                    + " smaller than this are interpreted, default " + DEFAULT_INTERPRETER_THRESHOLD + "; 0 compiles all),"
                    + " interpreter=y|n (interpret every module).")
    List<String> options = new ArrayList<>();

    Engine engine() {
        boolean cache = true;
        Path cacheDir = null;
        Engine.Builder engine = Engine.builder().interpreterThreshold(DEFAULT_INTERPRETER_THRESHOLD);
        for (String option : options) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "y" : option.substring(eq + 1);
            switch (key) {
                case "cache" -> cache = yes(option, value);
                case "cache-dir" -> cacheDir = Path.of(value);
                case "interpreter-threshold" -> engine.interpreterThreshold(bytes(option, value));
                case "interpreter" -> engine.mode(yes(option, value) ? Engine.Mode.INTERPRETER : Engine.Mode.COMPILER);
                default -> throw new UserError("unknown -C option `" + option
                        + "` (known: cache, cache-dir, interpreter-threshold, interpreter)");
            }
        }
        if (cache) {
            engine.cacheDirectory(cacheDir != null ? cacheDir : Engine.defaultCacheDirectory());
        }
        return engine.build();
    }

    private static boolean yes(String option, String value) {
        return switch (value) {
            case "y", "yes", "true" -> true;
            case "n", "no", "false" -> false;
            default -> throw new UserError("-C " + option + ": expected y or n");
        };
    }

    private static int bytes(String option, String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new UserError("-C " + option + ": expected a byte count (0 to 999999999)");
        }
        return Integer.parseInt(value);
    }
}
