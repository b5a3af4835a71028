package dev.jwc.runtime.internal;

import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.Sort;
import dev.jwc.runtime.core.CoreExtern;
import dev.jwc.runtime.core.CoreInstance;
import dev.jwc.runtime.core.CoreModule;
import dev.jwc.runtime.LinkException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The index spaces of one component instance during instantiation. Entries are core externs, core
 * modules and instances, component functions, types ({@code ValueType}, {@code FuncType},
 * {@code ResourceType} or a type shape), component definitions and component instances.
 */
public final class Spaces {
    private final Spaces enclosing;
    private final Map<CoreSort, List<Object>> core = new EnumMap<>(CoreSort.class);
    private final Map<ComponentSort, List<Object>> component = new EnumMap<>(ComponentSort.class);

    Spaces(Spaces enclosing) {
        this.enclosing = enclosing;
        for (CoreSort s : CoreSort.values()) {
            core.put(s, new ArrayList<>());
        }
        for (ComponentSort s : ComponentSort.values()) {
            component.put(s, new ArrayList<>());
        }
    }

    Spaces enclosing(int count) {
        Spaces s = this;
        for (int i = 0; i < count; i++) {
            if (s.enclosing == null) {
                throw new LinkException("invalid outer alias count of " + count);
            }
            s = s.enclosing;
        }
        return s;
    }

    private List<Object> space(Sort sort) {
        return switch (sort) {
            case CoreSort c -> core.get(c);
            case ComponentSort c -> component.get(c);
        };
    }

    void add(Sort sort, Object item) {
        space(sort).add(item);
    }

    Object get(Sort sort, int index) {
        List<Object> space = space(sort);
        if (index < 0 || index >= space.size()) {
            throw new LinkException(sortName(sort) + " index " + index + " out of bounds");
        }
        return space.get(index);
    }

    <T> T get(Sort sort, int index, Class<T> kind) {
        Object o = get(sort, index);
        if (!kind.isInstance(o)) {
            throw new LinkException(sortName(sort) + " index " + index + " is not a " + kind.getSimpleName());
        }
        return kind.cast(o);
    }

    CoreExtern coreExtern(CoreSort sort, int index) {
        return get(sort, index, CoreExtern.class);
    }

    CoreModule coreModule(int index) {
        return get(CoreSort.MODULE, index, CoreModule.class);
    }

    CoreInstance coreInstance(int index) {
        return get(CoreSort.INSTANCE, index, CoreInstance.class);
    }

    Object type(int index) {
        return get(ComponentSort.TYPE, index);
    }

    /** Item {@code index} of a component-level sort (or core module) as instance exports hold it. */
    Item item(Sort sort, int index) {
        Object o = get(sort, index);
        return switch (sort) {
            case CoreSort c when c == CoreSort.MODULE -> new Item.Module((CoreModule) o);
            case ComponentSort c when c == ComponentSort.FUNC -> new Item.Func((ComponentFunc) o);
            case ComponentSort c when c == ComponentSort.TYPE -> new Item.Type(o);
            case ComponentSort c when c == ComponentSort.COMPONENT -> new Item.Component((ComponentDef) o);
            case ComponentSort c when c == ComponentSort.INSTANCE -> (Item.Instance) o;
            default -> throw new LinkException(sortName(sort) + " cannot be exported");
        };
    }

    /** Adds an item received by import or alias to the index space of {@code sort}. */
    void addItem(Sort sort, Item item) {
        Object o = switch (item) {
            case Item.Func f -> f.func();
            case Item.Type t -> t.type();
            case Item.Component c -> c.definition();
            case Item.Instance i -> i;
            case Item.Module m -> m.module();
        };
        Class<?> expected = switch (sort) {
            case CoreSort c when c == CoreSort.MODULE -> CoreModule.class;
            case ComponentSort c when c == ComponentSort.FUNC -> ComponentFunc.class;
            case ComponentSort c when c == ComponentSort.COMPONENT -> ComponentDef.class;
            case ComponentSort c when c == ComponentSort.INSTANCE -> Item.Instance.class;
            default -> Object.class;
        };
        if (!expected.isInstance(o)) {
            throw new LinkException("expected a " + sortName(sort) + ", found " + describe(item));
        }
        add(sort, o);
    }

    static String describe(Item item) {
        return switch (item) {
            case Item.Func f -> "func";
            case Item.Type t -> "type";
            case Item.Component c -> "component";
            case Item.Instance i -> "instance";
            case Item.Module m -> "module";
        };
    }

    static String sortName(Sort sort) {
        return switch (sort) {
            case CoreSort c -> "core " + c.keyword();
            case ComponentSort c -> c.keyword();
        };
    }
}
