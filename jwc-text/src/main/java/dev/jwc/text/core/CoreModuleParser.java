package dev.jwc.text.core;

import java.util.Set;
import java.util.HashSet;
import java.util.Comparator;
import dev.jwc.binary.core.CoreModule;
import dev.jwc.binary.core.CustomSection;
import dev.jwc.binary.core.DataSegment;
import dev.jwc.binary.core.ElementSegment;
import dev.jwc.binary.core.Export;
import dev.jwc.binary.core.ExternalKind;
import dev.jwc.binary.core.FunctionBody;
import dev.jwc.binary.core.Global;
import dev.jwc.binary.core.Import;
import dev.jwc.binary.core.Locals;
import dev.jwc.binary.core.NameSection;
import dev.jwc.binary.core.Names;
import dev.jwc.binary.core.SectionId;
import dev.jwc.binary.core.Table;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import dev.jwc.binary.core.types.TagType;
import dev.jwc.binary.core.types.ValType;
import dev.jwc.text.Position;
import dev.jwc.text.TextException;
import dev.jwc.text.lex.Token;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses a core module in the text format into a {@link CoreModule}, expanding every abbreviation the
 * way wasm-tools does so that the encoding matches it byte for byte: inline imports and exports, type
 * uses (implicit types appended after the explicit ones), inline table elements and memory data, and
 * the {@code name} section built from {@code $id}s.
 */
public final class CoreModuleParser {
    private static final long PAGE = 1L << 16;

    private final ModuleScope scope = new ModuleScope();
    private final SegmentParser segments = new SegmentParser(scope);
    private final List<Decl> decls = new ArrayList<>();

    // sections under construction
    private final List<RecGroup> recGroups = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<TagType> tags = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private OptionalInt start = OptionalInt.empty();
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<FunctionBody> code = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final Map<Integer, Map<Integer, String>> localNames = new LinkedHashMap<>();
    private final Map<Integer, Map<Integer, String>> labelNames = new LinkedHashMap<>();
    private final List<CustomSections.Placed> customs = new ArrayList<>();
    /** Types defined outside {@code rec}: wasm-tools names struct fields of these only. */
    private final Set<Integer> plainTypes = new HashSet<>();

    private CoreModuleParser() {}

    /** Parses {@code (module $id? field*)}. */
    public static CoreModule parse(SExpr.SList form) {
        Cursor c = form.cursor();
        c.expectKeyword("module");
        Optional<Token.Id> id = c.takeId();
        return parseFields(id.map(Token.Id::name), c);
    }

    /**
     * Parses the fields of a module from {@code fields} to its end; {@code name} is the module's
     * {@code $id}, which becomes the module name of the name section. Components use this for
     * {@code (core module $id? field*)}.
     */
    public static CoreModule parseFields(Optional<String> name, Cursor fields) {
        Optional<String> moduleName = nameAnnotation(fields).or(() -> name);
        CoreModuleParser p = new CoreModuleParser();
        for (SExpr.SAnnotation a : fields.annotations()) {
            switch (a.name()) {
                case "custom" -> p.customs.add(CustomSections.custom(a.cursor()));
                case "producers" -> p.customs.add(CustomSections.producers(a.cursor()));
                case "dylink.0" -> p.customs.add(CustomSections.dylink(a.cursor()));
                default -> { } // other annotations carry nothing for the binary
            }
        }
        p.collect(fields);
        p.assignIndices();
        p.parseTypes();
        for (Decl d : p.decls) {
            p.define(d);
        }
        return p.build(moduleName);
    }

    // ---- pass 1: the fields and their abbreviations ----

    private enum Kind { TYPE, REC, FUNC, TABLE, MEMORY, GLOBAL, TAG, EXPORT, START, ELEM, DATA }

    /** One module field, with the header (id, inline exports and import) already read. */
    private static final class Decl {
        final Kind kind;
        final Optional<Token.Id> id;
        final Cursor body;
        final Position position;
        final List<String> exports = new ArrayList<>();
        /** A {@code (@name "...")} given after the id. */
        Optional<String> nameAnnotation = Optional.empty();
        String importModule;
        String importName;
        /** Tables with inline elements and memories with inline data. */
        boolean inlineSegment;
        int index;
        /** The element or data segment index of an inline segment. */
        int segmentIndex;

        Decl(Kind kind, Optional<Token.Id> id, Cursor body, Position position) {
            this.kind = kind;
            this.id = id;
            this.body = body;
            this.position = position;
        }

        boolean isImport() {
            return importModule != null;
        }
    }

    private void collect(Cursor fields) {
        String firstDefinition = null;
        while (!fields.atEnd()) {
            Position at = fields.position();
            String head = fields.peekListHead().orElseThrow(() -> fields.error("expected a module field"));
            Cursor c = fields.list(head);
            Decl before = decls.isEmpty() ? null : decls.getLast();
            switch (head) {
                case "type" -> decls.add(named(new Decl(Kind.TYPE, c.takeId(), c, at)));
                case "rec" -> decls.add(new Decl(Kind.REC, Optional.empty(), c, at));
                case "import" -> {
                    String module = c.utf8();
                    String name = c.utf8();
                    Position descAt = c.position();
                    String kind = c.peekListHead().orElseThrow(() -> c.error("expected an import description"));
                    Cursor desc = c.list(kind);
                    c.expectEnd();
                    Decl d = named(new Decl(entityKind(kind, descAt), desc.takeId(), desc, at));
                    d.importModule = module;
                    d.importName = name;
                    decls.add(d);
                }
                case "func", "table", "memory", "global", "tag" -> decls.add(entity(entityKind(head, at), c, at));
                case "export" -> decls.add(new Decl(Kind.EXPORT, Optional.empty(), c, at));
                case "start" -> decls.add(new Decl(Kind.START, Optional.empty(), c, at));
                case "elem" -> decls.add(new Decl(Kind.ELEM, c.takeId(), c, at));
                case "data" -> decls.add(new Decl(Kind.DATA, c.takeId(), c, at));
                default -> throw new TextException(at, "unknown module field '" + head + "'");
            }
            Decl added = decls.isEmpty() ? null : decls.getLast();
            if (added != null && added != before && isEntity(added.kind)) {
                if (added.isImport() && firstDefinition != null) {
                    throw new TextException(at, "import after " + firstDefinition);
                }
                if (!added.isImport() && firstDefinition == null) {
                    firstDefinition = head;
                }
            }
        }
    }

    /** Reads an optional {@code (@name "...")} right after the header's id. */
    private static Decl named(Decl d) {
        d.nameAnnotation = nameAnnotation(d.body);
        return d;
    }

    static Optional<String> nameAnnotation(Cursor c) {
        return c.takeAnnotation("name").map(a -> {
            String n = a.utf8();
            a.expectEnd();
            return n;
        });
    }

    private static Kind entityKind(String keyword, Position at) {
        return switch (keyword) {
            case "func" -> Kind.FUNC;
            case "table" -> Kind.TABLE;
            case "memory" -> Kind.MEMORY;
            case "global" -> Kind.GLOBAL;
            case "tag" -> Kind.TAG;
            default -> throw new TextException(at, "unknown import kind '" + keyword + "'");
        };
    }

    /** {@code $id? (export "n")* (import "m" "n")?} and the detection of inline segments. */
    private static Decl entity(Kind kind, Cursor c, Position at) {
        Decl d = named(new Decl(kind, c.takeId(), c, at));
        while (c.peekList("export")) {
            Cursor e = c.list("export");
            d.exports.add(e.utf8());
            e.expectEnd();
        }
        if (c.peekList("import")) {
            Cursor i = c.list("import");
            d.importModule = i.utf8();
            d.importName = i.utf8();
            i.expectEnd();
        } else if (kind == Kind.TABLE || kind == Kind.MEMORY) {
            d.inlineSegment = hasInlineSegment(kind, c);
        }
        return d;
    }

    private static boolean hasInlineSegment(Kind kind, Cursor c) {
        int mark = c.mark();
        try {
            if (!c.takeKeyword("i64")) {
                c.takeKeyword("i32");
            }
            if (kind == Kind.MEMORY) {
                while (c.peekList("pagesize")) {
                    c.next();
                }
                return c.peekList("data");
            }
            c.takeKeyword("shared");
            return !c.peekUnsigned();
        } finally {
            c.reset(mark);
        }
    }

    // ---- pass 2: index spaces ----

    private Namespace space(Kind kind) {
        return switch (kind) {
            case FUNC -> scope.funcs;
            case TABLE -> scope.tables;
            case MEMORY -> scope.memories;
            case GLOBAL -> scope.globals;
            case TAG -> scope.tags;
            default -> throw new IllegalStateException("no index space for " + kind);
        };
    }

    private static boolean isEntity(Kind kind) {
        return kind == Kind.FUNC || kind == Kind.TABLE || kind == Kind.MEMORY || kind == Kind.GLOBAL
                || kind == Kind.TAG;
    }

    private void assignIndices() {
        for (Decl d : decls) {
            if (isEntity(d.kind) && d.isImport()) {
                d.index = space(d.kind).add(d.id);
                d.nameAnnotation.ifPresent(n -> space(d.kind).rename(d.index, n));
            }
        }
        for (Decl d : decls) {
            if (isEntity(d.kind) && !d.isImport()) {
                d.index = space(d.kind).add(d.id);
                d.nameAnnotation.ifPresent(n -> space(d.kind).rename(d.index, n));
            }
            switch (d.kind) {
                case TYPE -> {
                    d.index = scope.types.add(d.id);
                    d.nameAnnotation.ifPresent(n -> scope.types.rename(d.index, n));
                }
                case REC -> {
                    d.index = scope.types.count();
                    int mark = d.body.mark();
                    while (d.body.peekList("type")) {
                        Cursor t = d.body.list("type");
                        int index = scope.types.add(t.takeId());
                        nameAnnotation(t).ifPresent(n -> scope.types.rename(index, n));
                    }
                    d.body.reset(mark);
                }
                case ELEM -> d.index = scope.elems.add(d.id);
                case DATA -> d.index = scope.datas.add(d.id);
                case TABLE -> {
                    if (d.inlineSegment) {
                        d.segmentIndex = scope.elems.add(Optional.empty());
                    }
                }
                case MEMORY -> {
                    if (d.inlineSegment) {
                        d.segmentIndex = scope.datas.add(Optional.empty());
                    }
                }
                default -> { }
            }
        }
    }

    // ---- pass 3: types ----

    private void parseTypes() {
        for (Decl d : decls) {
            if (d.kind == Kind.TYPE) {
                SubType t = scope.subType(d.body, d.index);
                plainTypes.add(d.index);
                d.body.expectEnd();
                scope.defineType(t, true);
                recGroups.add(RecGroup.single(t));
            } else if (d.kind == Kind.REC) {
                List<SubType> group = new ArrayList<>();
                int index = d.index;
                while (!d.body.atEnd()) {
                    Cursor t = d.body.list("type");
                    t.takeId();
                    nameAnnotation(t);
                    SubType st = scope.subType(t, index++);
                    t.expectEnd();
                    scope.defineType(st, false);
                    group.add(st);
                }
                recGroups.add(new RecGroup(group, true));
            }
        }
    }

    // ---- pass 4: everything else, in text order ----

    private void define(Decl d) {
        for (String name : d.exports) {
            exports.add(new Export(name, externalKind(d.kind), d.index));
        }
        Cursor c = d.body;
        switch (d.kind) {
            case TYPE, REC -> { }
            case FUNC -> {
                if (d.isImport()) {
                    ModuleScope.TypeUse use = scope.typeUse(c);
                    imports.add(new Import(d.importModule, d.importName, new EntityType.Func(scope.resolve(use))));
                } else {
                    function(d);
                }
            }
            case TABLE -> table(d);
            case MEMORY -> memory(d);
            case GLOBAL -> {
                var type = scope.globalType(c);
                if (d.isImport()) {
                    imports.add(new Import(d.importModule, d.importName, type));
                } else {
                    globals.add(new Global(type, segments.expression(c)));
                }
            }
            case TAG -> {
                TagType type = new TagType(scope.resolve(scope.typeUse(c)));
                if (d.isImport()) {
                    imports.add(new Import(d.importModule, d.importName, type));
                } else {
                    tags.add(type);
                }
            }
            case EXPORT -> {
                String name = c.utf8();
                Position at = c.position();
                String kind = c.peekListHead().orElseThrow(() -> c.error("expected an export description"));
                Cursor e = c.list(kind);
                Kind k = entityKind(kind, at);
                exports.add(new Export(name, externalKind(k), space(k).resolve(e)));
                e.expectEnd();
            }
            case START -> {
                if (start.isPresent()) {
                    throw new TextException(d.position, "multiple start sections");
                }
                start = OptionalInt.of(scope.funcs.resolve(c));
            }
            case ELEM -> elements.add(segments.element(c));
            case DATA -> data.add(segments.data(c));
        }
        c.expectEnd();
    }

    private static ExternalKind externalKind(Kind kind) {
        return switch (kind) {
            case FUNC -> ExternalKind.FUNC;
            case TABLE -> ExternalKind.TABLE;
            case MEMORY -> ExternalKind.MEMORY;
            case GLOBAL -> ExternalKind.GLOBAL;
            case TAG -> ExternalKind.TAG;
            default -> throw new IllegalStateException("not an entity: " + kind);
        };
    }

    private void function(Decl d) {
        Cursor c = d.body;
        ModuleScope.TypeUse use = scope.typeUse(c);
        int typeIndex = scope.resolve(use);
        functions.add(typeIndex);
        Namespace locals = new Namespace("local");
        if (use.index().isPresent() && use.inline().isEmpty()) {
            for (int i = 0; i < scope.paramCount(typeIndex); i++) {
                locals.add(Optional.empty());
            }
        } else {
            for (int i = 0; i < use.inline().paramIds().size(); i++) {
                int index = locals.add(use.inline().paramIds().get(i));
                use.inline().paramNames().get(i).ifPresent(n -> locals.rename(index, n));
            }
        }
        List<ValType> declared = new ArrayList<>();
        while (c.peekList("local")) {
            Cursor l = c.list("local");
            Optional<Token.Id> id = l.takeId();
            if (id.isPresent()) {
                int index = locals.add(id);
                nameAnnotation(l).ifPresent(n -> locals.rename(index, n));
                declared.add(scope.valType(l));
            } else {
                while (!l.atEnd()) {
                    locals.add(Optional.empty());
                    declared.add(scope.valType(l));
                }
            }
            l.expectEnd();
        }
        ExpressionParser body = new ExpressionParser(scope, locals);
        Expression expr = body.parse(c);
        code.add(new FunctionBody(compress(declared), expr));
        if (!locals.names().isEmpty()) {
            localNames.put(d.index, locals.names());
        }
        if (!body.labelNames().isEmpty()) {
            labelNames.put(d.index, body.labelNames());
        }
    }

    /** Runs of equal consecutive local types, as wasm-tools groups them. */
    private static List<Locals> compress(List<ValType> types) {
        List<Locals> runs = new ArrayList<>();
        for (ValType t : types) {
            if (!runs.isEmpty() && runs.getLast().type().equals(t)) {
                runs.set(runs.size() - 1, new Locals(runs.getLast().count() + 1, t));
            } else {
                runs.add(new Locals(1, t));
            }
        }
        return runs;
    }

    private void table(Decl d) {
        Cursor c = d.body;
        if (d.isImport()) {
            imports.add(new Import(d.importModule, d.importName, scope.tableType(c)));
            return;
        }
        if (!d.inlineSegment) {
            TableType type = scope.tableType(c);
            Optional<Expression> init = c.atEnd() ? Optional.empty() : Optional.of(segments.expression(c));
            tables.add(new Table(type, init));
            return;
        }
        boolean table64 = scope.addressType(c);
        boolean shared = c.takeKeyword("shared");
        RefType element = scope.refType(c);
        Cursor e = c.list("elem");
        ElementSegment.Items items = segments.elementItems(e, element, true);
        e.expectEnd();
        long n = items.size();
        tables.add(new Table(new TableType(element, Limits.of(n, n), table64, shared), Optional.empty()));
        elements.add(new ElementSegment(new ElementSegment.Active(OptionalInt.of(d.index), SegmentParser.zero(table64)), items));
    }

    private void memory(Decl d) {
        Cursor c = d.body;
        if (d.isImport()) {
            imports.add(new Import(d.importModule, d.importName, scope.memoryType(c)));
            return;
        }
        if (!d.inlineSegment) {
            memories.add(scope.memoryType(c));
            return;
        }
        boolean memory64 = scope.addressType(c);
        OptionalInt pageSize = OptionalInt.empty();
        while (c.peekList("pagesize")) {
            pageSize = OptionalInt.of(scope.pageSize(c));
        }
        Cursor dc = c.list("data");
        byte[] bytes = SegmentParser.bytes(dc);
        long pages = (bytes.length + PAGE - 1) / PAGE;
        memories.add(new MemoryType(Limits.of(pages, pages), false, memory64, pageSize));
        data.add(new DataSegment(new DataSegment.Active(d.index, SegmentParser.zero(memory64)), bytes));
    }

    // ---- assembly ----

    private CoreModule build(Optional<String> moduleName) {
        for (SubType t : scope.implicitTypes()) {
            recGroups.add(RecGroup.single(t));
        }
        OptionalInt dataCount = scope.usesDataCount ? OptionalInt.of(data.size()) : OptionalInt.empty();
        CoreModule module = new CoreModule(recGroups, imports, functions, tables, memories, tags, globals, exports,
                start, elements, dataCount, code, data, List.of());
        Names names = new Names(moduleName, scope.funcs.names(), localNames, labelNames, scope.types.names(),
                scope.tables.names(), scope.memories.names(), scope.globals.names(), scope.elems.names(),
                scope.datas.names(), fieldNames(), scope.tags.names());
        List<CustomSections.Placed> placed = new ArrayList<>(customs);
        if (!names.equals(Names.EMPTY)) {
            // wasm-tools writes the name section after the data section, before (@custom ... (after last)).
            placed.add(new CustomSections.Placed(new NameSection(names, Optional.of(SectionId.DATA)),
                    CustomSections.NAME));
        }
        if (placed.isEmpty()) {
            return module;
        }
        placed.sort(Comparator.comparingInt((CustomSections.Placed p) ->
                CustomSections.order(p.section().after())).thenComparingInt(CustomSections.Placed::rank));
        List<CustomSection> custom = placed.stream().map(CustomSections.Placed::section).toList();
        return new CoreModule(recGroups, imports, functions, tables, memories, tags, globals, exports, start,
                elements, dataCount, code, data, custom);
    }

    private Map<Integer, Map<Integer, String>> fieldNames() {
        Map<Integer, Map<Integer, String>> out = new LinkedHashMap<>();
        scope.fields.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> plainTypes.contains(e.getKey()) && !e.getValue().names().isEmpty())
                .forEach(e -> out.put(e.getKey(), e.getValue().names()));
        return out;
    }
}
