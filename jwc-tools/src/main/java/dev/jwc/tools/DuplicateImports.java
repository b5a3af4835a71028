package dev.jwc.tools;

import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.Import;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A core module inside a component may not import one name twice, which toolchains do (an import declared in
 * several object files). As wit-component does, the second import of {@code name} becomes {@code name [v2]}, the
 * third {@code name [v3]}, and so on; each is bound as the original name.
 */
final class DuplicateImports {
    private static final Pattern RENAMED = Pattern.compile("(.*) \\[v([0-9]+)]");

    private DuplicateImports() {}

    /** {@code module} with repeated imports renamed (the module itself when none repeats). */
    static CoreModule distinct(CoreModule module) {
        Map<String, Integer> seen = new HashMap<>();
        List<Import> imports = new ArrayList<>();
        boolean renamed = false;
        for (Import i : module.imports()) {
            int n = seen.merge(i.module() + "\0" + i.name(), 1, Integer::sum);
            if (n > 1) {
                imports.add(new Import(i.module(), i.name() + " [v" + n + "]", i.type()));
                renamed = true;
            } else {
                imports.add(i);
            }
        }
        if (!renamed) {
            return module;
        }
        return new CoreModule(module.types(), imports, module.functions(), module.tables(), module.memories(),
                module.tags(), module.globals(), module.exports(), module.start(), module.elements(),
                module.dataCount(), module.code(), module.data(), module.customSections());
    }

    /** The name a possibly renamed import stands for. */
    static String original(String name) {
        Matcher m = RENAMED.matcher(name);
        return m.matches() && Integer.parseInt(m.group(2)) > 1 ? m.group(1) : name;
    }

    /** {@code i} under the name it stands for. */
    static Import original(Import i) {
        String name = original(i.name());
        return name.equals(i.name()) ? i : new Import(i.module(), name, i.type());
    }
}
