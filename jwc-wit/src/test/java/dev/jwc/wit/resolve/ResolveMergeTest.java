package dev.jwc.wit.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.wit.WitLoader;
import dev.jwc.wit.model.InterfaceId;
import dev.jwc.wit.model.PackageName;
import dev.jwc.wit.model.Resolve;
import dev.jwc.wit.model.WitPackage;
import dev.jwc.wit.model.WorldId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveMergeTest {
    @TempDir
    Path dir;

    private Resolve load(String name, String wit) throws IOException {
        return WitLoader.withAllFeatures().load(Files.writeString(dir.resolve(name), wit)).resolve();
    }

    @Test
    void sharedPackagesBecomeOneWithTheItemsOfBoth() throws IOException {
        Resolve main = load("main.wit", """
                package a:main;
                world m { import s:io/streams; }
                package s:io { interface streams { type bytes = list<u8>; read: func() -> bytes; } }
                """);
        Resolve adapter = load("adapter.wit", """
                package a:adapter;
                world adapt { import s:io/streams; import s:io/poll; export run: func(); }
                package s:io {
                  interface streams { type bytes = list<u8>; write: func(b: bytes); }
                  interface poll { poll: func(); }
                }
                """);
        ResolveMerge.Merged merged = ResolveMerge.merge(main, adapter);
        Resolve r = merged.resolve();

        WitPackage io = r.get(r.packageByName(new PackageName("s", "io")).orElseThrow());
        assertThat(io.interfaces()).containsOnlyKeys("streams", "poll");
        InterfaceId streams = io.interfaces().get("streams");
        assertThat(r.get(streams).functions()).containsOnlyKeys("read", "write");
        assertThat(r.get(streams).types()).containsOnlyKeys("bytes");

        WorldId adapt = merged.fromWorld(adapter.worlds().stream()
                .filter(w -> w.name().equals("adapt")).map(w -> new WorldId(adapter.worlds().indexOf(w)))
                .findFirst().orElseThrow());
        assertThat(r.get(adapt).name()).isEqualTo("adapt");
        assertThat(r.get(adapt).exports()).hasSize(1);
        assertThat(r.worlds().get(main.worlds().indexOf(main.worlds().stream()
                .filter(w -> w.name().equals("m")).findFirst().orElseThrow())).name()).isEqualTo("m");
    }
}
