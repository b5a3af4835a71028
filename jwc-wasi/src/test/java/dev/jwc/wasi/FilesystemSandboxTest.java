package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capability sandbox, driven through the WASI 0.2 host functions themselves ({@code wasi:filesystem}
 * {@code [method]descriptor.*} on the preopens of a {@link WasiHost}), on real temporary directories: every
 * call that takes a path refuses {@code ..}, absolute paths and symlinks (to files and directories, relative
 * and absolute, last or intermediate component) that leave the preopen, hard links cannot be made to or from
 * outside, and a read-only preopen refuses every write. After each test the tree outside the preopens and
 * the read-only preopen are byte-for-byte and timestamp-for-timestamp unchanged.
 */
class FilesystemSandboxTest {
    private static final String TYPES = "wasi:filesystem/types";
    private static final Val NO_FOLLOW = Val.flags();
    private static final Val FOLLOW = Val.flags("symlink-follow");
    private static final Val NOW = Val.variant("now");

    @TempDir
    Path tmp;
    private Path outside;
    private Path readOnlyDir;
    private HostRegistry host;
    private Val root;
    private Val readOnly;
    private Map<String, String> outsideBefore;
    private Map<String, String> readOnlyBefore;

    @BeforeEach
    void layout() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createDirectories(outside.resolve("dir"));
        Path rw = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(rw.resolve("sub/empty"));
        Files.writeString(rw.resolve("sub/file"), "inside");
        Files.createSymbolicLink(rw.resolve("up-file"), Path.of("../outside/secret"));
        Files.createSymbolicLink(rw.resolve("up-dir"), Path.of("../outside"));
        Files.createSymbolicLink(rw.resolve("abs-file"), outside.resolve("secret").toAbsolutePath());
        Files.createSymbolicLink(rw.resolve("abs-dir"), outside.toAbsolutePath());
        Files.createSymbolicLink(rw.resolve("sub/deep-up"), Path.of("../../outside"));
        readOnlyDir = Files.createDirectories(tmp.resolve("ro"));
        Files.writeString(readOnlyDir.resolve("f"), "read me");
        Files.createDirectories(readOnlyDir.resolve("d"));
        WasiConfig config = new WasiConfig(List.of(), Map.of(),
                List.of(new Preopen(rw, "/root", false), new Preopen(readOnlyDir, "/ro", true)),
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
        host = new WasiHost(config).registry();
        List<Val> preopens = ((Val.List) host.function("wasi:filesystem/preopens", "get-directories")
                .call(List.of()).orElseThrow()).elements();
        root = borrow(((Val.Tuple) preopens.get(0)).elements().get(0));
        readOnly = borrow(((Val.Tuple) preopens.get(1)).elements().get(0));
        outsideBefore = snapshot(outside);
        readOnlyBefore = snapshot(readOnlyDir);
    }

    @AfterEach
    void nothingOutsideChanged() throws IOException {
        assertThat(snapshot(outside)).as("the tree outside the preopen").isEqualTo(outsideBefore);
        assertThat(snapshot(readOnlyDir)).as("the read-only preopen").isEqualTo(readOnlyBefore);
    }

    /** Guest paths that leave the preopen whether or not the last symlink is followed. */
    private List<String> escapes() {
        return List.of("..", "../outside/secret", "sub/../../outside/secret", "./../outside", "sub/../..",
                outside.resolve("secret").toAbsolutePath().toString(), "/", "up-dir/secret", "abs-dir/secret",
                "sub/deep-up/secret", "sub/deep-up/dir", "up-dir/", "abs-dir/.", "up-dir/dir/../secret");
    }

    /** Guest paths that leave the preopen only when their last component, a symlink, is followed. */
    private static final List<String> FOLLOWED_ESCAPES = List.of("up-file", "abs-file", "up-dir", "abs-dir");

    // ---- one test per wasi:filesystem call that takes a path ----

    @Test
    void openAt() {
        List<Val> opens = List.of(Val.flags(), Val.flags("create"), Val.flags("create", "truncate"),
                Val.flags("directory"), Val.flags("create", "exclusive"));
        List<Val> modes = List.of(Val.flags("read"), Val.flags("read", "write"), Val.flags("mutate-directory"));
        for (String path : escapes()) {
            for (Val follow : List.of(NO_FOLLOW, FOLLOW)) {
                for (Val open : opens) {
                    for (Val mode : modes) {
                        assertRefused(path, call(root, "open-at", follow, Val.string(path), open, mode));
                    }
                }
            }
        }
        for (String path : FOLLOWED_ESCAPES) {
            assertRefused(path, call(root, "open-at", FOLLOW, Val.string(path), Val.flags(), Val.flags("read")));
            assertRefused(path, call(root, "open-at", FOLLOW, Val.string(path), Val.flags("create"),
                    Val.flags("read", "write")));
            // creating without exclusive follows a symlink even without symlink-follow (as O_CREAT does)
            assertRefused(path, call(root, "open-at", NO_FOLLOW, Val.string(path), Val.flags("create"),
                    Val.flags("write")));
            assertThat(code(call(root, "open-at", NO_FOLLOW, Val.string(path), Val.flags(), Val.flags("read"))))
                    .as(path + " without symlink-follow opens no symlink").isEqualTo("loop");
        }
    }

    @Test
    void aDirectoryDescriptorIsConfinedToItsOwnDirectory() {
        Val sub = borrow(ok(call(root, "open-at", NO_FOLLOW, Val.string("sub"), Val.flags("directory"),
                Val.flags("read", "mutate-directory"))));
        for (String path : List.of("..", "../sub/file", "../../outside/secret", "deep-up/secret", "empty/../..")) {
            assertRefused(path, call(sub, "stat-at", FOLLOW, Val.string(path)));
            assertRefused(path, call(sub, "open-at", FOLLOW, Val.string(path), Val.flags(), Val.flags("read")));
            assertRefused(path, call(sub, "create-directory-at", Val.string(path + "/new")));
        }
    }

    @Test
    void statAtAndMetadataHashAt() {
        for (String method : List.of("stat-at", "metadata-hash-at")) {
            for (String path : escapes()) {
                assertRefused(method + " " + path, call(root, method, NO_FOLLOW, Val.string(path)));
                assertRefused(method + " " + path, call(root, method, FOLLOW, Val.string(path)));
            }
            for (String path : FOLLOWED_ESCAPES) {
                assertRefused(method + " " + path, call(root, method, FOLLOW, Val.string(path)));
                ok(call(root, method, NO_FOLLOW, Val.string(path))); // the link itself is inside
            }
        }
    }

    @Test
    void setTimesAt() {
        for (String path : escapes()) {
            assertRefused(path, call(root, "set-times-at", NO_FOLLOW, Val.string(path), NOW, NOW));
            assertRefused(path, call(root, "set-times-at", FOLLOW, Val.string(path), NOW, NOW));
        }
        for (String path : FOLLOWED_ESCAPES) {
            assertRefused(path, call(root, "set-times-at", FOLLOW, Val.string(path), NOW, NOW));
            // without symlink-follow the link's own times change, never its target's (checked after the test)
            ok(call(root, "set-times-at", NO_FOLLOW, Val.string(path), NOW, NOW));
        }
    }

    @Test
    void linkAtCannotMakeAHardLinkToOrFromOutside() {
        for (String path : escapes()) {
            assertRefused("old " + path, call(root, "link-at", NO_FOLLOW, Val.string(path), root, Val.string("h")));
            assertRefused("old " + path, call(root, "link-at", FOLLOW, Val.string(path), root, Val.string("h")));
            assertRefused("new " + path, call(root, "link-at", NO_FOLLOW, Val.string("sub/file"), root,
                    Val.string(path + "/h")));
        }
        for (String path : FOLLOWED_ESCAPES) {
            assertRefused("old " + path, call(root, "link-at", FOLLOW, Val.string(path), root, Val.string("h")));
        }
        assertThat(Files.exists(tmp.resolve("root/h"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void createDirectoryAt() {
        for (String path : escapes()) {
            assertRefused(path, call(root, "create-directory-at", Val.string(path)));
            assertRefused(path, call(root, "create-directory-at", Val.string(path + "/new")));
        }
        for (String path : FOLLOWED_ESCAPES) {
            assertRefused(path, call(root, "create-directory-at", Val.string(path + "/new")));
            assertThat(code(call(root, "create-directory-at", Val.string(path)))).as(path).isEqualTo("exist");
        }
    }

    @Test
    void readlinkAt() {
        for (String path : escapes()) {
            assertRefused(path, call(root, "readlink-at", Val.string(path)));
        }
        // reading where a link points is allowed; following it is what the sandbox refuses
        assertThat(Vals.string(ok(call(root, "readlink-at", Val.string("up-file"))))).isEqualTo("../outside/secret");
    }

    @Test
    void removeDirectoryAt() {
        for (String path : escapes()) {
            assertRefused(path, call(root, "remove-directory-at", Val.string(path)));
        }
        for (String path : List.of("up-dir/dir", "abs-dir/dir", "sub/deep-up/dir")) {
            assertRefused(path, call(root, "remove-directory-at", Val.string(path)));
        }
        for (String path : List.of("up-dir", "abs-dir")) {
            assertThat(code(call(root, "remove-directory-at", Val.string(path)))).as(path).isEqualTo("not-directory");
        }
    }

    @Test
    void renameAt() {
        for (String path : escapes()) {
            assertRefused("old " + path, call(root, "rename-at", Val.string(path), root, Val.string("moved")));
            assertRefused("new " + path, call(root, "rename-at", Val.string("sub/file"), root,
                    Val.string(path + "/moved")));
        }
        assertRefused("into a followed link", call(root, "rename-at", Val.string("sub/file"), root,
                Val.string("up-dir/file")));
        assertThat(tmp.resolve("root/sub/file")).hasContent("inside");
    }

    @Test
    void symlinkAt() {
        for (String path : escapes()) {
            assertRefused(path, call(root, "symlink-at", Val.string("sub/file"), Val.string(path + "/link")));
        }
        assertRefused("absolute target", call(root, "symlink-at", Val.string(outside.resolve("secret").toString()),
                Val.string("link")));
        // a link whose text climbs out may exist, but nothing follows it out
        ok(call(root, "symlink-at", Val.string("../outside/secret"), Val.string("climb")));
        assertRefused("climb", call(root, "open-at", FOLLOW, Val.string("climb"), Val.flags(), Val.flags("read")));
        assertRefused("climb", call(root, "stat-at", FOLLOW, Val.string("climb")));
    }

    @Test
    void unlinkFileAt() {
        for (String path : escapes()) {
            assertRefused(path, call(root, "unlink-file-at", Val.string(path)));
        }
        for (String path : List.of("up-dir/secret", "abs-dir/secret", "sub/deep-up/secret")) {
            assertRefused(path, call(root, "unlink-file-at", Val.string(path)));
        }
        // unlinking a symlink removes the link inside, not its target (checked after the test)
        ok(call(root, "unlink-file-at", Val.string("abs-file")));
    }

    // ---- read-only preopens ----

    @Test
    void aReadOnlyPreopenRefusesEveryWrite() {
        Val f = Val.string("f");
        assertReadOnly("create", call(readOnly, "open-at", NO_FOLLOW, Val.string("new"), Val.flags("create"),
                Val.flags("read")));
        assertReadOnly("write", call(readOnly, "open-at", NO_FOLLOW, f, Val.flags(), Val.flags("read", "write")));
        assertReadOnly("truncate", call(readOnly, "open-at", NO_FOLLOW, f, Val.flags("truncate"), Val.flags("read")));
        assertReadOnly("mutate", call(readOnly, "open-at", NO_FOLLOW, Val.string("d"), Val.flags("directory"),
                Val.flags("read", "mutate-directory")));
        assertReadOnly("mkdir", call(readOnly, "create-directory-at", Val.string("new")));
        assertReadOnly("rmdir", call(readOnly, "remove-directory-at", Val.string("d")));
        assertReadOnly("unlink", call(readOnly, "unlink-file-at", f));
        assertReadOnly("rename", call(readOnly, "rename-at", f, readOnly, Val.string("g")));
        assertReadOnly("rename out", call(readOnly, "rename-at", f, root, Val.string("g")));
        assertReadOnly("rename in", call(root, "rename-at", Val.string("sub/file"), readOnly, Val.string("g")));
        assertReadOnly("symlink", call(readOnly, "symlink-at", f, Val.string("l")));
        assertReadOnly("link", call(root, "link-at", NO_FOLLOW, Val.string("sub/file"), readOnly, Val.string("l")));
        assertReadOnly("link out", call(readOnly, "link-at", NO_FOLLOW, f, readOnly, Val.string("l")));
        assertReadOnly("times", call(readOnly, "set-times-at", NO_FOLLOW, f, NOW, NOW));
        assertReadOnly("own times", call(readOnly, "set-times", NOW, NOW));

        Val file = borrow(ok(call(readOnly, "open-at", NO_FOLLOW, f, Val.flags(), Val.flags("read"))));
        assertThat(code(call(file, "write", Vals.bytes(new byte[] {1}), Val.u64(0)))).isEqualTo("bad-descriptor");
        assertThat(code(call(file, "set-size", Val.u64(0)))).isEqualTo("bad-descriptor");
        assertThat(code(call(file, "write-via-stream", Val.u64(0)))).isEqualTo("bad-descriptor");
        assertThat(code(call(file, "append-via-stream"))).isEqualTo("bad-descriptor");
        assertThat(code(call(file, "set-times", NOW, NOW))).isEqualTo("not-permitted");
        Val dir = borrow(ok(call(readOnly, "open-at", NO_FOLLOW, Val.string("d"), Val.flags("directory"),
                Val.flags("read"))));
        assertReadOnly("mkdir below", call(dir, "create-directory-at", Val.string("new")));
        assertReadOnly("create below", call(dir, "open-at", NO_FOLLOW, Val.string("new"), Val.flags("create"),
                Val.flags("read")));
        assertThat(Vals.bytes(((Val.Tuple) ok(call(file, "read", Val.u64(100), Val.u64(0)))).elements().get(0)))
                .asString().isEqualTo("read me");
    }

    // ---- helpers ----

    private Val.Result call(Val self, String method, Val... rest) {
        List<Val> args = new ArrayList<>();
        args.add(self);
        args.addAll(List.of(rest));
        return (Val.Result) host.function(TYPES, "[method]descriptor." + method).call(args).orElseThrow();
    }

    private static String code(Val.Result r) {
        return r.isOk() ? "ok" : ((Val.Enum) r.payload().orElseThrow()).name();
    }

    private static void assertRefused(String what, Val.Result r) {
        assertThat(code(r)).as(what).isEqualTo("not-permitted");
    }

    private static void assertReadOnly(String what, Val.Result r) {
        assertThat(code(r)).as(what).isEqualTo("read-only");
    }

    private static Val ok(Val.Result r) {
        assertThat(code(r)).isEqualTo("ok");
        return r.payload().orElse(null);
    }

    private static Val borrow(Val own) {
        return new Val.Borrow(((Val.Own) own).handle());
    }

    /** Every entry below {@code dir} with its kind, contents or link text, and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                String what = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : "file " + Files.readString(p);
                out.put(dir.relativize(p).toString(), what + " @"
                        + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
            }
        }
        return out;
    }
}
