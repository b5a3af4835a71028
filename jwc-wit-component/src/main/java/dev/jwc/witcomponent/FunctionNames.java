package dev.jwc.witcomponent;

/**
 * The component-level names of WIT functions: {@code f}, {@code [constructor]r}, {@code [method]r.f},
 * {@code [static]r.f}, and the {@code [async]}, {@code [async method]}, {@code [async static]} forms that
 * older encodings used for async functions.
 */
final class FunctionNames {
    enum Kind { FREESTANDING, METHOD, STATIC, CONSTRUCTOR }

    /** A parsed name; {@code modelName} is the name the WIT model uses (without any async marker). */
    record Parsed(Kind kind, boolean async, String resource, String modelName) {}

    private FunctionNames() {}

    static Parsed parse(String name) {
        if (name.startsWith("[constructor]")) {
            String resource = name.substring("[constructor]".length());
            return new Parsed(Kind.CONSTRUCTOR, false, resource, name);
        }
        for (String prefix : new String[] {"[method]", "[async method]"}) {
            if (name.startsWith(prefix)) {
                return resourceFunction(Kind.METHOD, prefix, name, "[method]");
            }
        }
        for (String prefix : new String[] {"[static]", "[async static]"}) {
            if (name.startsWith(prefix)) {
                return resourceFunction(Kind.STATIC, prefix, name, "[static]");
            }
        }
        if (name.startsWith("[async]")) {
            return new Parsed(Kind.FREESTANDING, true, null, name.substring("[async]".length()));
        }
        return new Parsed(Kind.FREESTANDING, false, null, name);
    }

    private static Parsed resourceFunction(Kind kind, String prefix, String name, String modelPrefix) {
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            throw new WitComponentException("function name `" + name + "` lacks `resource.function`");
        }
        return new Parsed(kind, prefix.contains("async"), rest.substring(0, dot), modelPrefix + rest);
    }
}
