package dev.jwc.binary.component;

import java.util.Arrays;
import java.util.List;

/** One section of a component, in the order and with the ids of Binary.md. */
public sealed interface Section {

    /** The section id byte. */
    int id();

    /** Section 0: a custom section, kept in place with its raw payload. */
    record Custom(String name, byte[] data) implements Section {
        public Custom {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int id() {
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Custom other && name.equals(other.name) && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Custom[" + name + ", " + data.length + " bytes]";
        }
    }

    /** Section 1: one embedded core module. */
    record CoreModule(CoreModuleBinary module) implements Section {
        @Override
        public int id() {
            return 1;
        }
    }

    /** Section 2: core instances. */
    record CoreInstances(List<CoreInstance> instances) implements Section {
        public CoreInstances {
            instances = List.copyOf(instances);
        }

        @Override
        public int id() {
            return 2;
        }
    }

    /** Section 3: core types (function, GC and module types). */
    record CoreTypes(List<CoreType> types) implements Section {
        public CoreTypes {
            types = List.copyOf(types);
        }

        @Override
        public int id() {
            return 3;
        }
    }

    /** Section 4: one nested component. */
    record NestedComponent(Component component) implements Section {
        @Override
        public int id() {
            return 4;
        }
    }

    /** Section 5: component instances. */
    record Instances(List<Instance> instances) implements Section {
        public Instances {
            instances = List.copyOf(instances);
        }

        @Override
        public int id() {
            return 5;
        }
    }

    /** Section 6: aliases. */
    record Aliases(List<Alias> aliases) implements Section {
        public Aliases {
            aliases = List.copyOf(aliases);
        }

        @Override
        public int id() {
            return 6;
        }
    }

    /** Section 7: component types. */
    record Types(List<TypeDef> types) implements Section {
        public Types {
            types = List.copyOf(types);
        }

        @Override
        public int id() {
            return 7;
        }
    }

    /** Section 8: canonical definitions. */
    record Canons(List<Canon> canons) implements Section {
        public Canons {
            canons = List.copyOf(canons);
        }

        @Override
        public int id() {
            return 8;
        }
    }

    /** Section 9: a start function (value definitions 🪙). */
    record Start(int func, List<Integer> args, int results) implements Section {
        public Start {
            args = List.copyOf(args);
        }

        @Override
        public int id() {
            return 9;
        }
    }

    /** Section 10: imports. */
    record Imports(List<Import> imports) implements Section {
        public Imports {
            imports = List.copyOf(imports);
        }

        @Override
        public int id() {
            return 10;
        }
    }

    /** Section 11: exports. */
    record Exports(List<Export> exports) implements Section {
        public Exports {
            exports = List.copyOf(exports);
        }

        @Override
        public int id() {
            return 11;
        }
    }

    /** Section 12: value definitions (🪙). */
    record Values(List<Value> values) implements Section {
        public Values {
            values = List.copyOf(values);
        }

        @Override
        public int id() {
            return 12;
        }
    }
}
