package dev.jwc.runtime;

import dev.jwc.binary.ValidationException;
import dev.jwc.binary.component.ComponentReader;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.io.DecodeException;
import dev.jwc.binary.validate.ComponentValidator;
import dev.jwc.binary.validate.Validated;
import dev.jwc.runtime.core.CoreModule;
import dev.jwc.runtime.core.ValidationMarks;
import dev.jwc.runtime.internal.ComponentTypes;
import dev.jwc.runtime.internal.Instantiator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component compiled for an {@link Engine}: its core modules are compiled once here and shared by
 * every instance. Immutable and safe to share between threads.
 */
public final class Component {
    private final Engine engine;
    private final dev.jwc.binary.component.Component model;
    private final Map<CoreModuleBinary, CoreModule> compiled;
    private ComponentTypes.Reflection reflection;

    private Component(Engine engine, dev.jwc.binary.component.Component model) {
        this.engine = engine;
        this.model = model;
        Map<CoreModuleBinary, CoreModule> modules = new IdentityHashMap<>();
        Instantiator.compileAll(engine.core(), model, modules);
        this.compiled = modules;
    }

    /** Compiles a decoded component. */
    public static Component of(Engine engine, dev.jwc.binary.component.Component model) {
        return new Component(engine, model);
    }

    /**
     * Decodes, validates (unless the engine says not to) and compiles component bytes.
     *
     * @throws DecodeException     when the bytes are malformed or are not a component
     * @throws ValidationException when the component breaks a validation rule or uses a feature the engine lacks
     */
    public static Component fromBinary(Engine engine, byte[] bytes) {
        if (!engine.validates()) {
            return new Component(engine, ComponentReader.readComponent(bytes));
        }
        Optional<ValidationMarks> marks = engine.cacheDirectory().map(ValidationMarks::new);
        if (marks.isPresent() && marks.get().contains(bytes, engine.features())) {
            return new Component(engine, ComponentReader.readComponent(bytes));
        }
        if (!(ComponentValidator.validate(bytes, engine.features()) instanceof Validated.OfComponent valid)) {
            throw new DecodeException("expected a component, found a core module", 0);
        }
        marks.ifPresent(m -> m.add(bytes, engine.features()));
        return new Component(engine, valid.component());
    }

    /** The import names in order. */
    public List<String> importNames() {
        return model.imports().stream().map(Import::name).map(n -> n.name()).toList();
    }

    /** The export names in order. */
    public List<String> exportNames() {
        return model.exports().stream().map(e -> e.name().name()).toList();
    }

    /**
     * Each import with its full type, in order: function signatures, instance exports (recursively),
     * resources and named value types.
     *
     * @throws LinkException if the component's types are inconsistent
     */
    public Map<String, ItemType> importTypes() {
        return reflection().imports();
    }

    /** Each export with its full type, in order (see {@link #importTypes()}). */
    public Map<String, ItemType> exportTypes() {
        return reflection().exports();
    }

    /** Computed on first use (instantiation never needs it), once, so resource identities are stable. */
    private synchronized ComponentTypes.Reflection reflection() {
        if (reflection == null) {
            reflection = ComponentTypes.reflect(model);
        }
        return reflection;
    }

    /** Each import with its kind, in order. */
    public Map<String, ItemKind> imports() {
        Map<String, ItemKind> out = new LinkedHashMap<>();
        model.imports().forEach(i -> out.put(i.name().name(), ItemKind.of(i.type().sort())));
        return out;
    }

    /** Each export with its kind, in order. */
    public Map<String, ItemKind> exports() {
        Map<String, ItemKind> out = new LinkedHashMap<>();
        model.exports().forEach(e -> out.put(e.name().name(), ItemKind.of(e.sort())));
        return out;
    }

    Engine engine() {
        return engine;
    }

    dev.jwc.binary.component.Component model() {
        return model;
    }

    Map<CoreModuleBinary, CoreModule> compiled() {
        return compiled;
    }
}
