package dev.jwc.text.component;

import dev.jwc.binary.component.Alias;
import dev.jwc.binary.component.Canon;
import dev.jwc.binary.component.Component;
import dev.jwc.binary.component.ComponentDecl;
import dev.jwc.binary.component.ComponentNames;
import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreModuleBinary;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.CoreType;
import dev.jwc.binary.component.Export;
import dev.jwc.binary.component.Import;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.InstanceDecl;
import dev.jwc.binary.component.Section;
import dev.jwc.binary.component.Sort;
import dev.jwc.binary.component.TypeDef;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.core.CoreTypeSyntax;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One level of name resolution, as wasm-tools nests them: a component, a component or instance type,
 * or a core module type. It owns the index spaces with their {@code $id}s and collects what is defined
 * in order: sections for a component (consecutive items of one kind share a section, as wasm-tools
 * writes them), declarators for a type. Resolving an {@code $id} of an enclosing scope inserts an outer
 * alias here, and the export-name sugar inserts export aliases, both before the item being defined.
 */
final class Scope {
    enum Kind { COMPONENT, COMPONENT_TYPE, INSTANCE_TYPE, MODULE_TYPE }

    /** The name-section order of the sorts (that of wasm-tools' encoder). */
    private static final List<Sort> NAME_ORDER = List.of(CoreSort.FUNC, CoreSort.TABLE, CoreSort.MEMORY,
            CoreSort.GLOBAL, CoreSort.TAG, CoreSort.TYPE, CoreSort.MODULE, CoreSort.INSTANCE, ComponentSort.FUNC,
            ComponentSort.VALUE, ComponentSort.TYPE, ComponentSort.COMPONENT, ComponentSort.INSTANCE);

    final Kind kind;
    final Scope parent;
    final Optional<String> id;
    /** The component's name in its name section: its {@code (@name ...)} or its id. */
    private final Optional<String> shownName;
    final IndexSyntax syntax;
    /** Mirrors this scope's core type space for the core type syntax. */
    final CoreTypeSyntax coreTypes = new CoreTypeSyntax();
    private final Map<Sort, Space> spaces = new HashMap<>();
    private final Map<Sort, List<ComponentNames.Naming>> names = new HashMap<>();

    private final List<Section> sections = new ArrayList<>();
    private int openSection = -1;
    private final List<Object> openItems = new ArrayList<>();
    private final List<Object> decls = new ArrayList<>();

    /** How deeply components and types may nest, so that untrusted text cannot exhaust the stack. */
    static final int MAX_NESTING = 100;

    /** A top-level component. */
    Scope(IndexSyntax syntax, Optional<Name> name) {
        this.kind = Kind.COMPONENT;
        this.parent = null;
        this.id = name.map(Name::id);
        this.shownName = name.map(Name::shown);
        this.syntax = syntax;
    }

    /** A scope nested in {@code parent}; {@code at} is where it starts. */
    Scope(Kind kind, Scope parent, Optional<Name> name, Position at) {
        this.kind = kind;
        this.parent = parent;
        this.id = name.map(Name::id);
        this.shownName = name.map(Name::shown);
        this.syntax = parent.syntax;
        if (depth() > MAX_NESTING) {
            throw new TextException(at, "nesting too deep: more than " + MAX_NESTING + " nested components and types");
        }
    }

    int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    // ---- index spaces ----

    private static final class Space {
        int count;
        final Map<String, Integer> ids = new HashMap<>();
        final Map<Object, Integer> keys = new HashMap<>();
    }

    private Space space(Sort sort) {
        return spaces.computeIfAbsent(sort, s -> new Space());
    }

    /** Adds the next index of {@code sort}, bound to {@code id} and to the generated {@code key}. */
    int define(Sort sort, Optional<Name> name, Object key) {
        Space s = space(sort);
        int index = s.count++;
        if (name.isPresent()) {
            Name n = name.get();
            if (n.id() != null && s.ids.putIfAbsent(n.id(), index) != null) {
                throw new TextException(n.position(), "duplicate " + describe(sort) + " identifier");
            }
            if (kind == Kind.COMPONENT) {
                names.computeIfAbsent(sort, k -> new ArrayList<>()).add(new ComponentNames.Naming(index, n.shown()));
            }
        }
        if (key != null) {
            s.keys.put(key, index);
        }
        if (sort == CoreSort.TYPE && coreTypes.typeCount() == index) {
            // not declared ahead by a core type definition, whose name is in scope in its own body
            coreTypes.declareType(name.flatMap(Name::token));
        }
        return index;
    }

    /** Adds the next index of {@code sort} bound to {@code name} without a name-section entry. */
    void defineUnlisted(Sort sort, Optional<Name> name) {
        int index = define(sort, Optional.empty(), null);
        name.ifPresent(n -> {
            if (n.id() != null && space(sort).ids.putIfAbsent(n.id(), index) != null) {
                throw new TextException(n.position(), "duplicate " + describe(sort) + " identifier");
            }
        });
    }

    /**
     * How a definition is named: its {@code $id} ({@code null} if it has none) for references, and what
     * the name section shows, the {@code (@name "...")} annotation if present, else the id.
     */
    record Name(String id, Position position, String shown) {
        static Optional<Name> of(Optional<Token.Id> id) {
            return id.map(i -> new Name(i.name(), i.position(), i.name()));
        }

        /** Reads {@code $id? (@name "...")?}. */
        static Optional<Name> take(Cursor c) {
            Position at = c.position();
            Optional<Token.Id> id = c.takeId();
            Optional<String> annotation = c.takeAnnotation("name").map(a -> {
                String n = a.utf8();
                a.expectEnd();
                return n;
            });
            if (annotation.isEmpty()) {
                return of(id);
            }
            return Optional.of(new Name(id.map(Token.Id::name).orElse(null), at, annotation.get()));
        }

        Optional<Token.Id> token() {
            return Optional.ofNullable(id).map(i -> new Token.Id(i, position));
        }
    }

    /** Resolves a reference of a component-level item ({@code (func $i "f")} aliases component instances). */
    int resolve(Sort sort, Ref ref) {
        return resolve(sort, ref, false);
    }

    /** Resolves a core item reference ({@code (core func $i "f")} aliases core instances). */
    int resolveCore(CoreSort sort, Ref ref) {
        return resolve(sort, ref, true);
    }

    private int resolve(Sort sort, Ref ref, boolean core) {
        List<String> exportNames = ref.exportNames();
        if (exportNames.isEmpty()) {
            return resolveIndex(sort, ref);
        }
        int index = resolveIndex(core ? CoreSort.INSTANCE : ComponentSort.INSTANCE, ref.base());
        for (int i = 0; i < exportNames.size(); i++) {
            boolean last = i == exportNames.size() - 1;
            Alias alias = core
                    ? new Alias.CoreInstanceExport((CoreSort) sort, index, exportNames.get(i))
                    : new Alias.InstanceExport(last ? sort : ComponentSort.INSTANCE, index, exportNames.get(i));
            index = emitAlias(alias, Optional.empty());
        }
        return index;
    }

    private int resolveIndex(Sort sort, Ref ref) {
        return switch (ref) {
            case Ref.Numbered n -> n.index();
            case Ref.Generated g -> {
                Integer index = space(sort).keys.get(g.key());
                if (index == null) {
                    throw new TextException(g.position(), "generated " + describe(sort) + " not defined");
                }
                yield index;
            }
            case Ref.Named n -> resolveName(sort, n);
        };
    }

    private int resolveName(Sort sort, Ref.Named n) {
        int depth = 0;
        for (Scope s = this; s != null; s = s.parent, depth++) {
            Integer found = s.space(sort).ids.get(n.name());
            if (found == null) {
                continue;
            }
            if (depth == 0) {
                return found;
            }
            checkOuterSort(sort, n);
            // as in wasm-tools, every reference injects its own unnamed alias
            return emitAlias(new Alias.Outer(sort, depth, found), Optional.empty());
        }
        throw new TextException(n.position(), "unknown " + describe(sort) + ": failed to find name `$" + n.name() + "`");
    }

    /** Only modules, types and components may be aliased from an enclosing component. */
    static void checkOuterSort(Sort sort, Ref.Named n) {
        if (sort != ComponentSort.TYPE && sort != ComponentSort.COMPONENT && sort != CoreSort.TYPE
                && sort != CoreSort.MODULE) {
            throw new TextException(n.position(), "outer item `" + n.name() + "` is not a module, type, or component");
        }
    }

    /** The depth of the enclosing scope named {@code $name} (0 is this one), for explicit outer aliases. */
    int outerDepth(String name, Position at) {
        int depth = 0;
        for (Scope s = this; s != null; s = s.parent, depth++) {
            if (s.id.filter(name::equals).isPresent()) {
                return depth;
            }
        }
        throw new TextException(at, "outer component `" + name + "` not found");
    }

    /** The scope {@code depth} levels out, for explicit outer aliases. */
    Scope outer(int depth, Position at) {
        Scope s = this;
        for (int i = 0; i < depth; i++) {
            s = s.parent;
            if (s == null) {
                throw new TextException(at, "outer count of `" + depth + "` is too large");
            }
        }
        return s;
    }

    /** Resolves an index of this scope only (no outer alias), for explicit outer aliases. */
    int resolveHere(Sort sort, Ref ref) {
        return switch (ref) {
            case Ref.Named n -> {
                Integer found = space(sort).ids.get(n.name());
                if (found == null) {
                    throw new TextException(n.position(),
                            "unknown " + describe(sort) + ": failed to find name `$" + n.name() + "`");
                }
                yield found;
            }
            default -> resolveIndex(sort, ref);
        };
    }

    // ---- definitions ----

    int emitAlias(Alias alias, Optional<Name> name) {
        add(alias);
        return define(alias.sort(), name, null);
    }

    /** Appends an item that defines nothing (exports of a type define, see {@link #emit}). */
    void add(Object item) {
        if (kind == Kind.COMPONENT) {
            addToSection(item);
        } else {
            decls.add(declarator(item));
        }
    }

    /** Appends an item and defines its index in {@code sort}. */
    int emit(Object item, Sort sort, Optional<Name> name, Object key) {
        add(item);
        return define(sort, name, key);
    }

    private Object declarator(Object item) {
        if (kind == Kind.MODULE_TYPE) {
            return switch (item) {
                case Alias.Outer o -> new CoreType.ModuleDecl.OuterAlias(o.count(), o.index());
                case CoreType.ModuleDecl d -> d;
                default -> throw new IllegalStateException("not a module type declarator: " + item);
            };
        }
        return switch (item) {
            case CoreType t -> new InstanceDecl.CoreTypeDecl(t);
            case TypeDef t -> new InstanceDecl.TypeDecl(t);
            case Alias a -> new InstanceDecl.AliasDecl(a);
            case Import i -> new ComponentDecl.ImportDecl(i);
            case InstanceDecl.ExportDecl e -> e;
            default -> throw new IllegalStateException("not a type declarator: " + item);
        };
    }

    private void addToSection(Object item) {
        int id = switch (item) {
            case Section.Custom c -> 0;
            case CoreModuleBinary m -> 1;
            case CoreInstance i -> 2;
            case CoreType t -> 3;
            case Component c -> 4;
            case Instance i -> 5;
            case Alias a -> 6;
            case TypeDef t -> 7;
            case Canon c -> 8;
            case Section.Start s -> 9;
            case Import i -> 10;
            case Export e -> 11;
            default -> throw new IllegalStateException("not a component item: " + item);
        };
        switch (item) {
            case Section.Custom c -> single(c);
            case CoreModuleBinary m -> single(new Section.CoreModule(m));
            case Component c -> single(new Section.NestedComponent(c));
            case Section.Start s -> single(s);
            default -> {
                if (openSection != id) {
                    flush();
                    openSection = id;
                }
                openItems.add(item);
            }
        }
    }

    private void single(Section section) {
        flush();
        sections.add(section);
    }

    @SuppressWarnings("unchecked")
    private void flush() {
        if (openSection < 0) {
            return;
        }
        List<Object> items = List.copyOf(openItems);
        sections.add(switch (openSection) {
            case 2 -> new Section.CoreInstances((List<CoreInstance>) (List<?>) items);
            case 3 -> new Section.CoreTypes((List<CoreType>) (List<?>) items);
            case 5 -> new Section.Instances((List<Instance>) (List<?>) items);
            case 6 -> new Section.Aliases((List<Alias>) (List<?>) items);
            case 7 -> new Section.Types((List<TypeDef>) (List<?>) items);
            case 8 -> new Section.Canons((List<Canon>) (List<?>) items);
            case 10 -> new Section.Imports((List<Import>) (List<?>) items);
            case 11 -> new Section.Exports((List<Export>) (List<?>) items);
            default -> throw new IllegalStateException("section " + openSection);
        });
        openItems.clear();
        openSection = -1;
    }

    /** The finished component, with a {@code component-name} section when anything is named. */
    Component component() {
        flush();
        List<ComponentNames.SortNames> sorts = new ArrayList<>();
        for (Sort sort : NAME_ORDER) {
            List<ComponentNames.Naming> list = names.get(sort);
            if (list != null) {
                sorts.add(new ComponentNames.SortNames(sort, list));
            }
        }
        List<Section> all = new ArrayList<>(sections);
        if (shownName.isPresent() || !sorts.isEmpty()) {
            all.add(new ComponentNames(shownName, sorts).encode());
        }
        return new Component(all);
    }

    /** The declarators of a type scope, in order. */
    @SuppressWarnings("unchecked")
    <T> List<T> decls() {
        return (List<T>) List.copyOf(decls);
    }

    static String describe(Sort sort) {
        return switch (sort) {
            case CoreSort c -> "core " + c.keyword();
            case ComponentSort c -> c.keyword();
        };
    }
}
