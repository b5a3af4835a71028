package dev.jwc.wit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolveBuilderTest {

    @Test
    void appendsReplacesAndFreezes() {
        var b = new ResolveBuilder();
        PackageId pkg = b.add(new WitPackage(new PackageName("a", "b", Version.parse("1.2.3-rc.1+x")), Docs.NONE,
                Map.of(), Map.of()));
        InterfaceId iface = b.add(new Interface(Optional.of("i"), Map.of(), Map.of(), Docs.NONE, Stability.UNKNOWN,
                Optional.of(pkg)));
        TypeId t = b.add(TypeDef.named("t", new TypeDefKind.Unknown(), new TypeOwner.InInterface(iface), Docs.NONE,
                Stability.UNKNOWN));
        b.set(t, b.get(t).withKind(new TypeDefKind.List(Type.U8)));
        b.set(iface, new Interface(Optional.of("i"), Map.of("t", t), Map.of(), Docs.NONE, Stability.UNKNOWN,
                Optional.of(pkg)));
        b.set(pkg, new WitPackage(b.get(pkg).name(), Docs.NONE, Map.of("i", iface), Map.of()));

        Resolve r = b.build();

        assertThat(r.get(t).kind()).isEqualTo(new TypeDefKind.List(Type.U8));
        assertThat(r.qualifiedName(iface)).contains("a:b/i@1.2.3-rc.1+x");
        assertThat(r.packageByName(new PackageName("a", "b", Version.parse("1.2.3-rc.1+x")))).contains(pkg);
        assertThat(r).isEqualTo(r.toBuilder().build());
    }

    @Test
    void danglingIdsAreRejected() {
        var b = new ResolveBuilder();
        b.add(TypeDef.anonymous(new TypeDefKind.Option(Type.of(new TypeId(5)))));
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("type#5");
    }

    @Test
    void typeCyclesAreRejected() {
        var b = new ResolveBuilder();
        TypeId a = b.add(TypeDef.anonymous(new TypeDefKind.Unknown()));
        TypeId list = b.add(TypeDef.anonymous(new TypeDefKind.List(Type.of(a))));
        b.set(a, TypeDef.anonymous(new TypeDefKind.Option(Type.of(list))));
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("type cycle");
    }

    @Test
    void versionsParseStrictly() {
        assertThat(Version.parse("0.2.0")).isEqualTo(new Version(0, 2, 0));
        assertThat(Version.parse("1.0.1--").pre()).isEqualTo("-");
        assertThatThrownBy(() -> Version.parse("01.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse("1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse("1.0.0-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
