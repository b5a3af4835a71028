package dev.jwc.binary.validate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Component-level subtyping (Explainer.md "Type checking"). Resource types are compared by identity,
 * except that the abstract resources of the side being matched ({@link #bindable}) are bound on first
 * encounter to the resource they are compared with, which is how a type with abstract resources is
 * instantiated by the types it is checked against.
 */
final class Subtyping {
    private final Set<ResourceId> bindable = new HashSet<>();
    private final Map<ResourceId, ResourceId> bindings = new HashMap<>();
    private final Map<TypeEntry, Set<TypeEntry>> compared = new IdentityHashMap<>();

    Subtyping(Collection<ResourceId> bindable) {
        this.bindable.addAll(bindable);
    }

    Map<ResourceId, ResourceId> bindings() {
        return bindings;
    }

    ResourceId resolve(ResourceId r) {
        ResourceId seen = r;
        while (bindings.containsKey(seen)) {
            seen = bindings.get(seen);
        }
        return seen;
    }

    void entity(ExternEntity actual, ExternEntity expected) throws TypeMismatch {
        switch (expected) {
            case ExternEntity.Module e when actual instanceof ExternEntity.Module a -> module(a.type(), e.type());
            case ExternEntity.Func e when actual instanceof ExternEntity.Func a -> func(a.type(), e.type());
            case ExternEntity.Value e when actual instanceof ExternEntity.Value a -> value(a.type(), e.type());
            case ExternEntity.Type e when actual instanceof ExternEntity.Type a -> typeEntry(a.type(), e.type());
            case ExternEntity.Instance e when actual instanceof ExternEntity.Instance a -> instance(a.type(), e.type());
            case ExternEntity.Component e when actual instanceof ExternEntity.Component a ->
                    component(a.type(), e.type());
            default -> throw new TypeMismatch("expected " + expected.kind() + ", found " + actual.kind());
        }
    }

    void typeEntry(TypeEntry actual, TypeEntry expected) throws TypeMismatch {
        switch (expected) {
            case ResourceId e when actual instanceof ResourceId a -> resource(a, e);
            case ValueType e when actual instanceof ValueType a -> definedType(a, e);
            case FunctionType e when actual instanceof FunctionType a -> func(a, e);
            case InstanceSignature e when actual instanceof InstanceSignature a -> instance(a, e);
            case ComponentSignature e when actual instanceof ComponentSignature a -> component(a, e);
            default -> throw new TypeMismatch("expected " + describe(expected) + ", found " + describe(actual));
        }
    }

    private static String describe(TypeEntry t) {
        return switch (t) {
            case ResourceId r -> "resource";
            case ValueType v -> "defined type";
            case FunctionType f -> "func";
            case InstanceSignature i -> "instance";
            case ComponentSignature c -> "component";
        };
    }

    /**
     * Whether this pair of types is compared for the first time. Types are
     * shared by reference, and comparing a pair again finds nothing new but costs exponential time.
     */
    private boolean firstTime(TypeEntry actual, TypeEntry expected) {
        if (actual == expected) {
            return false;
        }
        return compared.computeIfAbsent(actual, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(expected);
    }

    void resource(ResourceId actual, ResourceId expected) throws TypeMismatch {
        ResourceId a = resolve(actual);
        ResourceId e = resolve(expected);
        if (a.equals(e)) {
            return;
        }
        if (bindable.remove(e)) {
            bindings.put(e, a);
        } else if (bindable.remove(a)) {
            bindings.put(a, e);
        } else {
            throw new TypeMismatch("resource types are not the same");
        }
    }

    void module(ModuleSignature actual, ModuleSignature expected) throws TypeMismatch {
        for (ModuleSignature.CoreImport imp : actual.imports()) {
            ModuleSignature.CoreImport other = expected.imports().stream()
                    .filter(i -> i.module().equals(imp.module()) && i.name().equals(imp.name())).findFirst()
                    .orElseThrow(() -> new TypeMismatch("missing expected import `" + imp.module() + "::"
                            + imp.name() + "`"));
            String why = CoreMatching.mismatch(other.type(), imp.type());
            if (why != null) {
                throw new TypeMismatch("type mismatch in import `" + imp.module() + "::" + imp.name() + "`: " + why);
            }
        }
        for (Map.Entry<String, CoreEntity> exp : expected.exports().entrySet()) {
            CoreEntity mine = actual.exports().get(exp.getKey());
            if (mine == null) {
                throw new TypeMismatch("missing expected export `" + exp.getKey() + "`");
            }
            String why = CoreMatching.mismatch(mine, exp.getValue());
            if (why != null) {
                throw new TypeMismatch("type mismatch in export `" + exp.getKey() + "`: " + why);
            }
        }
    }

    void func(FunctionType actual, FunctionType expected) throws TypeMismatch {
        if (actual.async() != expected.async()) {
            throw new TypeMismatch(expected.async() ? "expected async function, found sync function"
                    : "expected sync function, found async function");
        }
        if (actual.params().size() != expected.params().size()) {
            throw new TypeMismatch("expected " + expected.params().size() + " parameters, found "
                    + actual.params().size());
        }
        for (int i = 0; i < actual.params().size(); i++) {
            FunctionType.Param a = actual.params().get(i);
            FunctionType.Param e = expected.params().get(i);
            if (!a.name().equalsIgnoreCase(e.name())) {
                throw new TypeMismatch("expected parameter named `" + e.name() + "`, found `" + a.name() + "`");
            }
            try {
                // Parameters are contravariant, but value subtyping is equality up to resource binding.
                value(a.type(), e.type());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in function parameter `" + a.name() + "`");
            }
        }
        if (actual.result().isPresent() != expected.result().isPresent()) {
            // wasmparser's wording, which names the actual function's side first.
            throw new TypeMismatch(actual.result().isPresent() ? "expected a result, found none"
                    : "expected no result, found one");
        }
        if (actual.result().isPresent()) {
            try {
                value(actual.result().get(), expected.result().get());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch with result type");
            }
        }
    }

    void instance(InstanceSignature actual, InstanceSignature expected) throws TypeMismatch {
        if (!firstTime(actual, expected)) {
            return;
        }
        bindable.addAll(expected.definedResources());
        for (Map.Entry<String, ExternEntity> exp : expected.exports().entrySet()) {
            ExternEntity mine = actual.exports().get(exp.getKey());
            if (mine == null) {
                throw new TypeMismatch("missing expected export `" + exp.getKey() + "`");
            }
            try {
                entity(mine, exp.getValue());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in instance export `" + exp.getKey() + "`");
            }
        }
    }

    void component(ComponentSignature actual, ComponentSignature expected) throws TypeMismatch {
        if (!firstTime(actual, expected)) {
            return;
        }
        bindable.addAll(actual.importedResources());
        for (Map.Entry<String, ExternEntity> imp : actual.imports().entrySet()) {
            ExternEntity theirs = expected.imports().get(imp.getKey());
            if (theirs == null) {
                throw new TypeMismatch("missing expected import `" + imp.getKey() + "`");
            }
            try {
                entity(theirs, imp.getValue());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in import `" + imp.getKey() + "`");
            }
        }
        bindable.addAll(expected.definedResources());
        for (Map.Entry<String, ExternEntity> exp : expected.exports().entrySet()) {
            ExternEntity mine = actual.exports().get(exp.getKey());
            if (mine == null) {
                throw new TypeMismatch("missing expected export `" + exp.getKey() + "`");
            }
            try {
                entity(mine, exp.getValue());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in export `" + exp.getKey() + "`");
            }
        }
    }

    /**
     * Compares the types of a type import or export. wasmparser words a mismatch with a primitive here as a
     * defined type ({@code type $t u32}), and everywhere else as the primitive written in place.
     */
    private void definedType(ValueType actual, ValueType expected) throws TypeMismatch {
        if (expected instanceof ValueType.Primitive && !(actual instanceof ValueType.Primitive)) {
            throw new TypeMismatch("expected primitive, found " + actual.kind());
        }
        value(actual, expected);
    }

    void value(ValueType actual, ValueType expected) throws TypeMismatch {
        if (actual instanceof ValueType.Primitive a && expected instanceof ValueType.Primitive e) {
            if (a.type() != e.type()) {
                throw new TypeMismatch("expected primitive `" + e.kind() + "` found primitive `" + a.kind() + "`");
            }
            return;
        }
        if (expected instanceof ValueType.Primitive) {
            throw new TypeMismatch("expected " + expected.kind() + ", found " + actual.kind());
        }
        if (actual.getClass() != expected.getClass()) {
            throw new TypeMismatch("expected " + expected.kind() + ", found " + actual.kind());
        }
        if (!firstTime(actual, expected)) {
            return;
        }
        switch (expected) {
            case ValueType.Record e -> record((ValueType.Record) actual, e);
            case ValueType.Variant e -> variant((ValueType.Variant) actual, e);
            case ValueType.ListOf e -> value(((ValueType.ListOf) actual).element(), e.element());
            case ValueType.FixedList e -> {
                ValueType.FixedList a = (ValueType.FixedList) actual;
                if (a.length() != e.length()) {
                    throw new TypeMismatch("expected list of length " + e.length() + ", found " + a.length());
                }
                value(a.element(), e.element());
            }
            case ValueType.MapOf e -> {
                ValueType.MapOf a = (ValueType.MapOf) actual;
                value(a.key(), e.key());
                value(a.value(), e.value());
            }
            case ValueType.Tuple e -> {
                List<ValueType> a = ((ValueType.Tuple) actual).types();
                if (a.size() != e.types().size()) {
                    throw new TypeMismatch("expected " + e.types().size() + " types, found " + a.size());
                }
                for (int i = 0; i < a.size(); i++) {
                    try {
                        value(a.get(i), e.types().get(i));
                    } catch (TypeMismatch m) {
                        throw m.within("type mismatch in tuple field " + i);
                    }
                }
            }
            case ValueType.Flags e -> {
                if (!namesEqual(((ValueType.Flags) actual).names(), e.names())) {
                    throw new TypeMismatch("mismatch in flags elements");
                }
            }
            case ValueType.Enum e -> {
                if (!namesEqual(((ValueType.Enum) actual).names(), e.names())) {
                    throw new TypeMismatch("mismatch in enum elements");
                }
            }
            case ValueType.Option e -> value(((ValueType.Option) actual).type(), e.type());
            case ValueType.Result e -> {
                ValueType.Result a = (ValueType.Result) actual;
                optional(a.ok(), e.ok(), "ok");
                optional(a.error(), e.error(), "err");
            }
            case ValueType.Own e -> resource(((ValueType.Own) actual).resource(), e.resource());
            case ValueType.Borrow e -> resource(((ValueType.Borrow) actual).resource(), e.resource());
            case ValueType.Stream e -> payload(((ValueType.Stream) actual).element(), e.element());
            case ValueType.Future e -> payload(((ValueType.Future) actual).element(), e.element());
            case ValueType.Primitive p -> throw new IllegalStateException("handled above");
        }
    }

    private static boolean namesEqual(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void record(ValueType.Record actual, ValueType.Record expected) throws TypeMismatch {
        if (actual.fields().size() != expected.fields().size()) {
            throw new TypeMismatch("expected " + expected.fields().size() + " fields, found "
                    + actual.fields().size());
        }
        for (int i = 0; i < actual.fields().size(); i++) {
            ValueType.Field a = actual.fields().get(i);
            ValueType.Field e = expected.fields().get(i);
            if (!a.name().equalsIgnoreCase(e.name())) {
                throw new TypeMismatch("expected field name `" + e.name() + "`, found `" + a.name() + "`");
            }
            try {
                value(a.type(), e.type());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in record field `" + a.name() + "`");
            }
        }
    }

    private void variant(ValueType.Variant actual, ValueType.Variant expected) throws TypeMismatch {
        if (actual.cases().size() != expected.cases().size()) {
            throw new TypeMismatch("expected " + expected.cases().size() + " cases, found "
                    + actual.cases().size());
        }
        for (int i = 0; i < actual.cases().size(); i++) {
            ValueType.Case a = actual.cases().get(i);
            ValueType.Case e = expected.cases().get(i);
            if (!a.name().equalsIgnoreCase(e.name())) {
                throw new TypeMismatch("expected case named `" + e.name() + "`, found `" + a.name() + "`");
            }
            if (e.type().isPresent() && a.type().isEmpty()) {
                throw new TypeMismatch("expected case `" + e.name() + "` to have a type, found none");
            }
            if (e.type().isEmpty() && a.type().isPresent()) {
                throw new TypeMismatch("expected case `" + e.name() + "` to have no type");
            }
            if (a.type().isPresent()) {
                try {
                    value(a.type().get(), e.type().get());
                } catch (TypeMismatch m) {
                    throw m.within("type mismatch in variant case `" + a.name() + "`");
                }
            }
        }
    }

    private void optional(Optional<ValueType> actual, Optional<ValueType> expected, String which)
            throws TypeMismatch {
        if (expected.isPresent() && actual.isEmpty()) {
            throw new TypeMismatch("expected " + which + " type, but found none");
        }
        if (expected.isEmpty() && actual.isPresent()) {
            throw new TypeMismatch("expected " + which + " type to not be present");
        }
        if (actual.isPresent()) {
            try {
                value(actual.get(), expected.get());
            } catch (TypeMismatch m) {
                throw m.within("type mismatch in " + which + " variant");
            }
        }
    }

    private void payload(Optional<ValueType> actual, Optional<ValueType> expected) throws TypeMismatch {
        if (actual.isPresent() != expected.isPresent()) {
            throw new TypeMismatch(expected.isPresent() ? "expected a payload type, found none"
                    : "expected no payload type, found one");
        }
        if (actual.isPresent()) {
            value(actual.get(), expected.get());
        }
    }
}
