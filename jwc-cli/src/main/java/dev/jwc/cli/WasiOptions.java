package dev.jwc.cli;

import java.util.List;

/**
 * The {@code -S} options of {@code jwc run}, spelled as Wasmtime spells them: {@code NAME} or
 * {@code NAME=y|n} (also {@code yes|no|true|false}).
 */
record WasiOptions(boolean inheritNetwork, boolean allowIpNameLookup) {
    private static final String KNOWN = "inherit-network, allow-ip-name-lookup";

    static WasiOptions parse(List<String> options) {
        boolean network = false;
        boolean lookup = false;
        for (String option : options) {
            int eq = option.indexOf('=');
            String name = eq < 0 ? option : option.substring(0, eq);
            boolean on = eq < 0 || flag(option, option.substring(eq + 1));
            switch (name) {
                case "inherit-network" -> network = on;
                case "allow-ip-name-lookup" -> lookup = on;
                default -> throw new UserError("unknown -S option `" + option + "` (known: " + KNOWN + ")");
            }
        }
        return new WasiOptions(network, lookup);
    }

    private static boolean flag(String option, String value) {
        return switch (value) {
            case "y", "yes", "true" -> true;
            case "n", "no", "false" -> false;
            default -> throw new UserError("-S " + option + ": expected y or n after `=`");
        };
    }
}
