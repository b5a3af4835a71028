package dev.jwc.binary.core.validate;

import static dev.jwc.binary.core.types.NumType.I32;
import static dev.jwc.binary.core.types.NumType.I64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.binary.Features;
import dev.jwc.binary.core.CoreModuleBuilder;
import dev.jwc.binary.core.types.CompositeType;
import dev.jwc.binary.core.types.EntityType;
import dev.jwc.binary.core.types.FieldType;
import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.GlobalType;
import dev.jwc.binary.core.types.HeapType;
import dev.jwc.binary.core.types.Limits;
import dev.jwc.binary.core.types.MemoryType;
import dev.jwc.binary.core.types.RecGroup;
import dev.jwc.binary.core.types.RefType;
import dev.jwc.binary.core.types.SubType;
import dev.jwc.binary.core.types.TableType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternMatcherTest {

    private static ModuleInfo types(CompositeType... types) {
        CoreModuleBuilder b = new CoreModuleBuilder();
        for (CompositeType t : types) {
            b.addType(t);
        }
        return CoreValidator.validate(b.build(), Features.defaults());
    }

    @Test
    void functionsMatchByStructureAcrossModules() {
        ModuleInfo a = types(new FuncType(List.of(I64), List.of()), new FuncType(List.of(I32), List.of(I32)));
        ModuleInfo b = types(new FuncType(List.of(I32), List.of(I32)));
        assertThat(ExternMatcher.matches(new EntityType.Func(1), a, new EntityType.Func(0), b)).isTrue();
        assertThat(ExternMatcher.mismatch(new EntityType.Func(0), a, new EntityType.Func(0), b))
                .contains("expected func type does not match");
        assertThat(ExternMatcher.mismatch(MemoryType.of(Limits.of(1)), a, new EntityType.Func(0), b))
                .contains("expected func, found memory");
    }

    @Test
    void recursiveTypesAreComparedCoinductively() {
        CoreModuleBuilder b = new CoreModuleBuilder();
        // (rec (type (struct (field (ref null 0)))))
        b.addRecGroup(new RecGroup(List.of(new SubType(true, List.of(), new CompositeType.Struct(List.of(
                new FieldType(new RefType(true, HeapType.index(0)), false))), false)), true));
        ModuleInfo list = CoreValidator.validate(b.build(), Features.defaults());
        GlobalType global = GlobalType.of(new RefType(true, HeapType.index(0)), false);
        assertThat(ExternMatcher.matches(global, list, global, list)).isTrue();
    }

    @Test
    void limitsOfTheActualEntityMustLieWithinTheImport() {
        ModuleInfo none = types();
        MemoryType small = MemoryType.of(Limits.of(1, 2));
        MemoryType wide = MemoryType.of(Limits.of(1, 10));
        MemoryType unbounded = MemoryType.of(Limits.of(2));
        assertThat(ExternMatcher.matches(small, none, wide, none)).isTrue();
        assertThat(ExternMatcher.matches(wide, none, small, none)).isFalse();
        assertThat(ExternMatcher.matches(unbounded, none, wide, none)).isFalse();
        assertThat(ExternMatcher.matches(TableType.of(RefType.FUNCREF, Limits.of(3)), none,
                TableType.of(RefType.EXTERNREF, Limits.of(1)), none)).isFalse();
    }

    @Test
    void immutableGlobalsMayBeSubtypesMutableOnesMustBeEqual() {
        ModuleInfo none = types();
        RefType nonNullFunc = RefType.nonNull(HeapType.of(dev.jwc.binary.core.types.AbstractHeapKind.FUNC));
        assertThat(ExternMatcher.matches(GlobalType.of(nonNullFunc, false), none,
                GlobalType.of(RefType.FUNCREF, false), none)).isTrue();
        assertThat(ExternMatcher.matches(GlobalType.of(nonNullFunc, true), none,
                GlobalType.of(RefType.FUNCREF, true), none)).isFalse();
        assertThat(ExternMatcher.mismatch(GlobalType.of(I32, true), none, GlobalType.of(I32, false), none))
                .contains("global types differ in mutability");
    }
}
