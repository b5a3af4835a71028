package dev.jwc.text.core;

import dev.jwc.binary.core.instr.Catch;
import dev.jwc.binary.core.instr.Expression;
import dev.jwc.binary.core.instr.Immediate;
import dev.jwc.binary.core.instr.ImmediateKind;
import dev.jwc.binary.core.instr.Instruction;
import dev.jwc.binary.core.instr.Opcode;
import dev.jwc.binary.core.types.BlockType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.RefType;
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

/**
 * Parses instruction sequences, flat and folded, into {@link Expression}s. Mnemonics and immediate
 * shapes come from the binary {@link Opcode} table; this class only knows the text syntax of each
 * {@link ImmediateKind} and of the structured instructions.
 */
final class ExpressionParser {
    /** The field names of a type that has none: any {@code $id} is unknown, numbers pass. */
    private static final Namespace NO_FIELDS = new Namespace("field");

    private final ModuleScope scope;
    private final Namespace locals;
    /** Innermost label last; empty for unnamed blocks. */
    private final List<Optional<String>> labels = new ArrayList<>();
    private final List<Instruction> out = new ArrayList<>();
    /** Names of labelled blocks, by the index of the block among the function's blocks. */
    private final Map<Integer, String> labelNames = new LinkedHashMap<>();
    private int blockCount;

    ExpressionParser(ModuleScope scope, Namespace locals) {
        this.scope = scope;
        this.locals = locals;
    }

    /** Parses every remaining item of {@code c} as instructions. */
    Expression parse(Cursor c) {
        out.clear();
        instructions(c);
        if (!labels.isEmpty()) {
            throw c.error("expected 'end' to close a block");
        }
        return Expression.of(out);
    }

    Map<Integer, String> labelNames() {
        return labelNames;
    }

    private void instructions(Cursor c) {
        while (!c.atEnd()) {
            if (c.peekList()) {
                folded(c.list());
            } else {
                flat(c);
            }
        }
    }

    // ---- flat ----

    private void flat(Cursor c) {
        Position at = c.position();
        String mnemonic = c.peekKeyword().orElseThrow(() -> c.error("expected an instruction"));
        c.keyword();
        switch (mnemonic) {
            case "block", "loop", "if", "try" -> {
                Opcode op = Opcode.fromMnemonic(mnemonic).orElseThrow();
                BlockType bt = blockStart(c);
                out.add(new Instruction(op, new Immediate.Block(bt)));
            }
            case "try_table" -> tryTableStart(c);
            case "end" -> {
                endLabel(c, at);
                labels.removeLast();
                out.add(Instruction.of(Opcode.END));
            }
            case "else" -> {
                checkLabel(c, at);
                out.add(Instruction.of(Opcode.ELSE));
            }
            case "catch" -> {
                checkLabel(c, at);
                out.add(Instruction.index(Opcode.CATCH, scope.tags.resolve(c)));
            }
            case "catch_all" -> {
                checkLabel(c, at);
                out.add(Instruction.of(Opcode.CATCH_ALL));
            }
            case "delegate" -> {
                if (labels.isEmpty()) {
                    throw new TextException(at, "'delegate' outside of a 'try'");
                }
                labels.removeLast();
                out.add(Instruction.index(Opcode.DELEGATE, label(c)));
            }
            default -> out.add(plain(mnemonic, c, at));
        }
    }

    private void endLabel(Cursor c, Position at) {
        if (labels.isEmpty()) {
            throw new TextException(at, "'end' without a matching block");
        }
        checkLabel(c, at);
    }

    /** An optional {@code $label} after end/else/catch must repeat the block's label. */
    private void checkLabel(Cursor c, Position at) {
        Optional<Token.Id> id = c.takeId();
        if (id.isPresent()) {
            Optional<String> open = labels.isEmpty() ? Optional.empty() : labels.getLast();
            if (!open.equals(Optional.of(id.get().name()))) {
                throw new TextException(id.get().position(), "mismatching label");
            }
        }
    }

    /** {@code $label? blocktype}; pushes the label. */
    private BlockType blockStart(Cursor c) {
        Optional<Token.Id> label = c.takeId();
        BlockType bt = blockType(c);
        pushLabel(label);
        return bt;
    }

    private void pushLabel(Optional<Token.Id> label) {
        label.ifPresent(l -> labelNames.put(blockCount, l.name()));
        blockCount++;
        labels.add(label.map(Token.Id::name));
    }

    private BlockType blockType(Cursor c) {
        ModuleScope.TypeUse use = scope.typeUse(c);
        if (use.index().isPresent()) {
            return new BlockType.TypeIndex(scope.resolve(use));
        }
        FuncType f = use.inline().type();
        if (f.params().isEmpty() && f.results().isEmpty()) {
            return BlockType.EMPTY;
        }
        if (f.params().isEmpty() && f.results().size() == 1) {
            return new BlockType.Value(f.results().get(0));
        }
        return new BlockType.TypeIndex(scope.intern(f));
    }

    private void tryTableStart(Cursor c) {
        Optional<Token.Id> label = c.takeId();
        BlockType bt = blockType(c);
        List<Catch> catches = new ArrayList<>();
        while (true) {
            Optional<String> head = c.peekListHead();
            if (head.isEmpty()) {
                break;
            }
            Catch.Kind kind = switch (head.get()) {
                case "catch" -> Catch.Kind.CATCH;
                case "catch_ref" -> Catch.Kind.CATCH_REF;
                case "catch_all" -> Catch.Kind.CATCH_ALL;
                case "catch_all_ref" -> Catch.Kind.CATCH_ALL_REF;
                default -> null;
            };
            if (kind == null) {
                break;
            }
            Cursor k = c.list(head.get());
            int tag = kind.hasTag() ? scope.tags.resolve(k) : 0;
            catches.add(new Catch(kind, tag, label(k)));
            k.expectEnd();
        }
        pushLabel(label);
        out.add(new Instruction(Opcode.TRY_TABLE, new Immediate.TryTable(bt, catches)));
    }

    // ---- folded ----

    private void folded(Cursor c) {
        Position at = c.position();
        String mnemonic = c.peekKeyword().orElseThrow(() -> c.error("expected an instruction"));
        c.keyword();
        switch (mnemonic) {
            case "block", "loop" -> {
                Opcode op = Opcode.fromMnemonic(mnemonic).orElseThrow();
                out.add(new Instruction(op, new Immediate.Block(blockStart(c))));
                instructions(c);
                labels.removeLast();
                out.add(Instruction.of(Opcode.END));
            }
            case "if" -> foldedIf(c);
            case "try" -> foldedTry(c);
            case "try_table" -> {
                tryTableStart(c);
                instructions(c);
                labels.removeLast();
                out.add(Instruction.of(Opcode.END));
            }
            default -> {
                Instruction instr = plain(mnemonic, c, at);
                while (!c.atEnd()) {
                    if (!c.peekList()) {
                        throw c.error("expected a folded instruction, found " + Cursor.describe(c.next()));
                    }
                    folded(c.list());
                }
                out.add(instr);
            }
        }
    }

    private void foldedIf(Cursor c) {
        Optional<Token.Id> label = c.takeId();
        BlockType bt = blockType(c);
        while (c.peekList() && !c.peekList("then")) {
            folded(c.list());
        }
        pushLabel(label);
        out.add(new Instruction(Opcode.IF, new Immediate.Block(bt)));
        Cursor then = c.list("then");
        instructions(then);
        if (c.peekList("else")) {
            out.add(Instruction.of(Opcode.ELSE));
            instructions(c.list("else"));
        }
        c.expectEnd();
        labels.removeLast();
        out.add(Instruction.of(Opcode.END));
    }

    private void foldedTry(Cursor c) {
        out.add(new Instruction(Opcode.TRY, new Immediate.Block(blockStart(c))));
        instructions(c.list("do"));
        if (c.peekList("delegate")) {
            Cursor d = c.list("delegate");
            labels.removeLast();
            out.add(Instruction.index(Opcode.DELEGATE, label(d)));
            d.expectEnd();
            c.expectEnd();
            return;
        }
        while (c.peekList("catch")) {
            Cursor k = c.list("catch");
            out.add(Instruction.index(Opcode.CATCH, scope.tags.resolve(k)));
            instructions(k);
        }
        if (c.peekList("catch_all")) {
            out.add(Instruction.of(Opcode.CATCH_ALL));
            instructions(c.list("catch_all"));
        }
        c.expectEnd();
        labels.removeLast();
        out.add(Instruction.of(Opcode.END));
    }

    // ---- plain instructions ----

    private Instruction plain(String mnemonic, Cursor c, Position at) {
        Opcode op = Opcode.fromMnemonic(mnemonic)
                .orElseThrow(() -> new TextException(at, "unknown operator or unexpected token '" + mnemonic + "'"));
        if (op == Opcode.SELECT && c.peekList("result")) {
            op = Opcode.SELECT_TYPED;
        }
        if (op == Opcode.MEMORY_INIT || op == Opcode.DATA_DROP || op == Opcode.ARRAY_NEW_DATA
                || op == Opcode.ARRAY_INIT_DATA) {
            scope.usesDataCount = true;
        }
        Immediate imm = switch (op.immediateKind()) {
            case NONE, ATOMIC_FENCE -> Immediate.NONE;
            case BLOCK_TYPE -> throw new TextException(at, "unexpected '" + mnemonic + "'");
            case LABEL -> new Immediate.Index(label(c));
            case BR_TABLE -> brTable(c);
            case FUNC -> new Immediate.Index(scope.funcs.resolve(c));
            case CALL_INDIRECT -> {
                int table = scope.tables.take(c).orElse(0);
                yield new Immediate.Indices(scope.resolve(scope.typeUse(c)), table);
            }
            case TYPE -> new Immediate.Index(scope.types.resolve(c));
            case LOCAL -> new Immediate.Index(locals.resolve(c));
            case GLOBAL -> new Immediate.Index(scope.globals.resolve(c));
            case TABLE -> new Immediate.Index(scope.tables.take(c).orElse(0));
            case MEMORY -> new Immediate.Index(scope.memories.take(c).orElse(0));
            case MEMARG -> memArg(op, c, scope.memories.take(c).orElse(0));
            case MEMARG_LANE -> memArgLane(op, c);
            case I32 -> new Immediate.I32(c.i32());
            case I64 -> new Immediate.I64(c.i64());
            case F32 -> new Immediate.F32(c.f32());
            case F64 -> new Immediate.F64(c.f64());
            case V128 -> new Immediate.V128(V128Literal.parse(c));
            case LANE -> new Immediate.Index((int) c.integer(8) & 0xff);
            case SHUFFLE -> {
                byte[] lanes = new byte[16];
                for (int i = 0; i < 16; i++) {
                    lanes[i] = (byte) c.integer(8);
                }
                yield new Immediate.V128(lanes);
            }
            case HEAP_TYPE -> new Immediate.Heap(scope.heapType(c));
            case SELECT_TYPES -> {
                List<ValType> types = new ArrayList<>();
                while (c.peekList("result")) {
                    Cursor r = c.list("result");
                    while (!r.atEnd()) {
                        types.add(scope.valType(r));
                    }
                }
                yield new Immediate.ValTypes(types);
            }
            case TABLE_INIT -> {
                int table = peekTwoIndices(c) ? scope.tables.resolve(c) : 0;
                yield new Immediate.Indices(scope.elems.resolve(c), table);
            }
            case TABLE_COPY -> twoOptional(c, scope.tables);
            case MEMORY_INIT -> {
                int mem = peekTwoIndices(c) ? scope.memories.resolve(c) : 0;
                yield new Immediate.Indices(scope.datas.resolve(c), mem);
            }
            case MEMORY_COPY -> twoOptional(c, scope.memories);
            case ELEM -> new Immediate.Index(scope.elems.resolve(c));
            case DATA -> new Immediate.Index(scope.datas.resolve(c));
            case STRUCT_FIELD -> {
                int type = scope.types.resolve(c);
                yield new Immediate.Indices(type, scope.fields.getOrDefault(type, NO_FIELDS).resolve(c));
            }
            case ARRAY_FIXED -> new Immediate.Indices(scope.types.resolve(c), c.u32());
            case ARRAY_DATA -> new Immediate.Indices(scope.types.resolve(c), scope.datas.resolve(c));
            case ARRAY_ELEM -> new Immediate.Indices(scope.types.resolve(c), scope.elems.resolve(c));
            case ARRAY_COPY -> new Immediate.Indices(scope.types.resolve(c), scope.types.resolve(c));
            case REF_CAST -> new Immediate.Ref(scope.refType(c));
            case BR_ON_CAST -> {
                int label = label(c);
                RefType from = scope.refType(c);
                yield new Immediate.BrOnCast(label, from, scope.refType(c));
            }
            case TAG -> new Immediate.Index(scope.tags.resolve(c));
            case TRY_TABLE -> throw new TextException(at, "unexpected 'try_table'");
        };
        return new Instruction(op, imm);
    }

    /** Whether two indices (ids or u32s) come next. */
    private static boolean peekTwoIndices(Cursor c) {
        return isIndex(c.peek()) && isIndex(c.peekSecond());
    }

    private static boolean isIndex(Optional<SExpr> e) {
        return e.orElse(null) instanceof SExpr.SAtom(Token t)
                && (t instanceof Token.Id || (t instanceof Token.IntegerLiteral i && !i.text().startsWith("-")
                        && !i.text().startsWith("+")));
    }

    /** Two indices or none (both 0). */
    private static Immediate.Indices twoOptional(Cursor c, Namespace space) {
        if (!space.peek(c)) {
            return new Immediate.Indices(0, 0);
        }
        int first = space.resolve(c);
        return new Immediate.Indices(first, space.resolve(c));
    }

    private Immediate brTable(Cursor c) {
        List<Integer> targets = new ArrayList<>();
        while (c.peekId() || c.peekUnsigned()) {
            targets.add(label(c));
        }
        if (targets.isEmpty()) {
            throw c.error("expected a label");
        }
        int defaultTarget = targets.removeLast();
        return new Immediate.BrTable(targets, defaultTarget);
    }

    /** A label: a depth, or a {@code $name} resolved against the enclosing blocks. */
    private int label(Cursor c) {
        if (c.peekId()) {
            Token.Id id = c.id();
            for (int depth = 0; depth < labels.size(); depth++) {
                if (labels.get(labels.size() - 1 - depth).equals(Optional.of(id.name()))) {
                    return depth;
                }
            }
            throw new TextException(id.position(), "unknown label: failed to find name `$" + id.name() + "`");
        }
        return c.u32();
    }

    /** {@code offset=N? align=N?} after the memory index. */
    private Immediate.MemArg memArg(Opcode op, Cursor c, int memory) {
        long offset = c.takeKeywordValue("offset=").orElse(0L);
        Position at = c.position();
        int align = op.naturalAlignLog2();
        Optional<Long> explicit = c.takeKeywordValue("align=");
        if (explicit.isPresent()) {
            long a = explicit.get();
            if (Long.bitCount(a) != 1) {
                throw new TextException(at, "alignment must be a power of two");
            }
            align = Long.numberOfTrailingZeros(a);
        }
        return new Immediate.MemArg(align, memory, offset);
    }

    private Immediate.MemArgLane memArgLane(Opcode op, Cursor c) {
        int memory = 0;
        if (scope.memories.peek(c)) {
            // A leading index is the memory only when a lane index follows the memarg.
            int mark = c.mark();
            scope.memories.resolve(c);
            c.takeKeywordValue("offset=");
            c.takeKeywordValue("align=");
            boolean laneFollows = c.peekUnsigned();
            c.reset(mark);
            if (laneFollows) {
                memory = scope.memories.resolve(c);
            }
        }
        Immediate.MemArg m = memArg(op, c, memory);
        return new Immediate.MemArgLane(m, (int) c.integer(8) & 0xff);
    }
}
