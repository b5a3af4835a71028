package dev.jwc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jwc link}: two libraries that depend on each other (a cycle), share data through {@code GOT.mem}, call
 * through {@code GOT.func} and run constructors, linked and then run.
 */
class LinkCommandTest {
    /** Data: 40 at its memory base; its constructor sets a flag after it. Calls back into `main` (a cycle). */
    private static final String UTIL = """
            (module
              (@dylink.0 (mem-info (memory 8 2)))
              (import "env" "memory" (memory 1))
              (import "env" "__memory_base" (global $base i32))
              (import "env" "plus_one" (func $plus_one (param i32) (result i32)))
              (func (export "twice") (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
              (func (export "inc_via_main") (param i32) (result i32) (call $plus_one (local.get 0)))
              (func (export "get_flag") (result i32) (i32.load offset=4 (global.get $base)))
              (func (export "__wasm_call_ctors") (i32.store offset=4 (global.get $base) (i32.const 1)))
              (global (export "answer") i32 (i32.const 0))
              (data (global.get $base) "\\28\\00\\00\\00"))
            """;

    /** compute = twice(*answer) + twice_by_address(1) + inc_via_main(0) + flag = 80 + 2 + 1 + 1. */
    private static final String MAIN = """
            (module
              (@dylink.0 (mem-info (memory 0 0)) (needed "util"))
              (type $i2i (func (param i32) (result i32)))
              (import "env" "memory" (memory 1))
              (import "env" "__indirect_function_table" (table 0 funcref))
              (import "env" "twice" (func $twice (param i32) (result i32)))
              (import "env" "inc_via_main" (func $inc (param i32) (result i32)))
              (import "env" "get_flag" (func $flag (result i32)))
              (import "GOT.mem" "answer" (global $answer (mut i32)))
              (import "GOT.func" "twice" (global $twice_slot (mut i32)))
              (func (export "plus_one") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func (export "compute") (result i32)
                (i32.add
                  (i32.add (call $twice (i32.load (global.get $answer)))
                           (call_indirect (type $i2i) (i32.const 1) (global.get $twice_slot)))
                  (i32.add (call $inc (i32.const 0)) (call $flag)))))
            """;

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** Writes {@code link.wit}: a world exporting {@code export: func() -> s32}, and empty worlds of libraries. */
    private void writeWit(String main, String export, String... libraries) throws IOException {
        var wit = new StringBuilder("package test:link;\n")
                .append("world ").append(main).append(" { export ").append(export).append(": func() -> s32; }\n");
        for (String library : libraries) {
            wit.append("world ").append(library).append(" { }\n");
        }
        Files.writeString(dir.resolve("link.wit"), wit);
    }

    /** Runs {@code jwc run --invoke CALL COMPONENT}, which must succeed, and returns what it printed. */
    private String invoke(String call, Path component) {
        cli.clearOut();
        assertThat(cli.run("run", "--invoke", call, component.toString())).as(cli.err()).isEqualTo(0);
        return cli.out().strip();
    }

    private Path embedded(String name, String wat) throws IOException {
        Path source = dir.resolve(name + ".wat");
        Files.writeString(source, wat);
        Path core = dir.resolve(name + ".core.wasm");
        assertThat(cli.run("embed", dir.resolve("link.wit").toString(), source.toString(), "--world", name,
                "-o", core.toString())).as(cli.err()).isEqualTo(0);
        return core;
    }

    @Test
    void linkedLibrariesShareMemoryAndCallEachOther() throws IOException {
        writeWit("main", "compute", "util");
        Path main = embedded("main", MAIN);
        Path util = embedded("util", UTIL);
        Path component = dir.resolve("linked.wasm");

        assertThat(cli.run("link", "main=" + main, "util=" + util, "-o", component.toString()))
                .as(cli.err()).isEqualTo(0);
        assertThat(cli.run("validate", component.toString())).as(cli.err()).isEqualTo(0);
        assertThat(invoke("compute()", component)).isEqualTo("84");
    }

    /**
     * The same program with each library's types in another order than the init module's, which fills the
     * {@code GOT.func} slot: {@code call_indirect} matches types structurally, whoever filled the slot.
     */
    @Test
    void librariesCallThroughGotFuncWhateverTheOrderOfTheirTypes() throws IOException {
        writeWit("main", "compute", "util");
        Path main = embedded("main", withTypesFirst(MAIN, "(type (func (param i64))) (type (func (param f32) (result f64)))"));
        Path util = embedded("util", withTypesFirst(UTIL, "(type (func (param f64)))"));
        Path component = dir.resolve("linked.wasm");

        assertThat(cli.run("link", "main=" + main, "util=" + util, "-o", component.toString()))
                .as(cli.err()).isEqualTo(0);
        assertThat(invoke("compute()", component)).isEqualTo("84");
    }

    /** {@code wat} with {@code types} declared before its own, so its type indices shift. */
    private static String withTypesFirst(String wat, String types) {
        String memoryImport = "(import \"env\" \"memory\"";
        assertThat(wat).contains(memoryImport);
        return wat.replace(memoryImport, types + " " + memoryImport);
    }

    @Test
    void builtInLibdlFindsFunctionsAndGlobalsOfDlOpenableLibraries() throws IOException {
        writeWit("host", "probe", "plugin");
        Path plugin = embedded("plugin", """
                (module
                  (@dylink.0 (mem-info (memory 4 2)))
                  (import "env" "memory" (memory 1))
                  (import "env" "__memory_base" (global $base i32))
                  (func (export "triple") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
                  (global (export "magic") i32 (i32.const 0))
                  (data (global.get $base) "\\07\\00\\00\\00"))
                """);
        // probe = triple(14) through the pointer dlsym gives + *magic + 100 when dlsym of an absent symbol fails
        // with a dlerror message = 42 + 7 + 100. Its `$i2i` is at another index than in the plugin and the init
        // module, which fills the table: call_indirect matches types structurally.
        Path host = embedded("host", """
                (module
                  (@dylink.0 (mem-info (memory 32 2)))
                  (type (func (param i32)))
                  (type (func (param f64) (result i64)))
                  (type $i2i (func (param i32) (result i32)))
                  (import "env" "memory" (memory 1))
                  (import "env" "__indirect_function_table" (table 0 funcref))
                  (import "env" "__memory_base" (global $base i32))
                  (import "env" "dlopen" (func $dlopen (param i32 i32) (result i32)))
                  (import "env" "dlsym" (func $dlsym (param i32 i32) (result i32)))
                  (import "env" "dlerror" (func $dlerror (result i32)))
                  (data (global.get $base) "plugin\\00triple\\00magic\\00absent\\00")
                  (func (export "probe") (result i32)
                    (local $h i32)
                    (local.set $h (call $dlopen (global.get $base) (i32.const 0)))
                    (i32.add
                      (i32.add
                        (call_indirect (type $i2i) (i32.const 14)
                          (call $dlsym (local.get $h) (i32.add (global.get $base) (i32.const 7))))
                        (i32.load (call $dlsym (local.get $h) (i32.add (global.get $base) (i32.const 14)))))
                      (select (i32.const 100) (i32.const 0)
                        (i32.and
                          (i32.eqz (call $dlsym (local.get $h) (i32.add (global.get $base) (i32.const 20))))
                          (i32.ne (call $dlerror) (i32.const 0)))))))
                """);
        Path component = dir.resolve("dl.wasm");
        assertThat(cli.run("link", "host=" + host, "--dl-openable", "plugin=" + plugin, "--use-built-in-libdl",
                "-o", component.toString())).as(cli.err()).isEqualTo(0);
        assertThat(invoke("probe()", component)).isEqualTo("149");
    }

    @Test
    void eachLibraryHasItsOwnThreadLocalStorageBase() throws IOException {
        writeWit("a", "probe", "b");
        Path b = embedded("b", """
                (module
                  (@dylink.0 (mem-info (memory 0 0)))
                  (import "env" "__wasm_get_tls_base" (func $get (result i32)))
                  (import "env" "__wasm_set_tls_base" (func $set (param i32)))
                  (func (export "b_set") (param i32) (call $set (local.get 0)))
                  (func (export "b_get") (result i32) (call $get)))
                """);
        // probe = a's TLS base after setting it to 30 + b's after setting it to 2: the bases are separate.
        Path a = embedded("a", """
                (module
                  (@dylink.0 (mem-info (memory 0 0)) (needed "b"))
                  (import "env" "__wasm_get_tls_base" (func $get (result i32)))
                  (import "env" "__wasm_set_tls_base" (func $set (param i32)))
                  (import "env" "b_set" (func $b_set (param i32)))
                  (import "env" "b_get" (func $b_get (result i32)))
                  (func (export "probe") (result i32)
                    (call $b_set (i32.const 2))
                    (call $set (i32.const 30))
                    (i32.add (call $get) (call $b_get))))
                """);
        Path component = dir.resolve("tls.wasm");
        assertThat(cli.run("link", "a=" + a, "b=" + b, "-o", component.toString())).as(cli.err()).isEqualTo(0);
        assertThat(invoke("probe()", component)).isEqualTo("32");
    }

    @Test
    void aMissingNeededLibraryIsAnInputError() throws IOException {
        writeWit("main", "compute", "util");
        Path main = embedded("main", MAIN);
        assertThat(cli.run("link", "main=" + main, "-o", dir.resolve("x.wasm").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("missing libraries:", "main needs util");
    }

    @Test
    void anUnresolvedSymbolIsAnInputErrorUnlessStubbed() throws IOException {
        writeWit("lonely", "run");
        Path lonely = embedded("lonely", """
                (module
                  (@dylink.0 (mem-info (memory 0 0)))
                  (import "env" "nowhere" (func $nowhere (result i32)))
                  (func (export "run") (result i32) (call $nowhere)))
                """);
        assertThat(cli.run("link", lonely.toString(), "-o", dir.resolve("x.wasm").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("unresolved symbol(s):", "lonely.core.wasm needs nowhere");

        Path stubbed = dir.resolve("stubbed.wasm");
        assertThat(cli.run("link", "--stub-missing-functions", lonely.toString(), "-o", stubbed.toString()))
                .as(cli.err()).isEqualTo(0);
        cli.clearErr();
        assertThat(cli.run("run", "--invoke", "run()", stubbed.toString())).isNotEqualTo(0);
        assertThat(cli.err()).contains("trap");
    }

    @Test
    void noLibraryIsAUsageError() {
        assertThat(cli.run("link", "-o", dir.resolve("x.wasm").toString())).isNotEqualTo(0);
        assertThat(cli.err()).contains("at least one library");
    }
}
