package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No guest path reaches outside its directory: {@code ..}, absolute paths, and symlinks (to files and
 * directories, relative and absolute, as last or intermediate component) are refused; every
 * path-taking call of the filesystem host resolves through {@link Sandbox#resolve}.
 */
class SandboxTest {
    @TempDir
    Path tmp;
    private Path root;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/file"), "f");
        Files.createSymbolicLink(root.resolve("up-file"), Path.of("../outside/secret"));
        Files.createSymbolicLink(root.resolve("up-dir"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("abs-file"), outside.resolve("secret"));
        Files.createSymbolicLink(root.resolve("abs-dir"), outside);
        Files.createSymbolicLink(root.resolve("sub/deep-up"), Path.of("../../outside"));
        Files.createSymbolicLink(root.resolve("inside"), Path.of("sub/file"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
    }

    private String code(String path, boolean follow) {
        try {
            Sandbox.resolve(root, path, follow);
            return "ok";
        } catch (FsException e) {
            return e.code();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside/secret", "sub/../..", "sub/../../outside", "./../root/sub",
            "/etc/passwd", "/", "up-file", "up-dir/secret", "abs-file", "abs-dir/secret", "sub/deep-up/secret",
            "up-dir/", "abs-dir/."})
    void refusesEveryWayOut(String path) {
        assertThat(code(path, true)).as(path).isEqualTo("not-permitted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"up-dir/secret", "abs-dir/secret", "sub/deep-up/secret", "up-dir/"})
    void symlinksInTheMiddleAreFollowedEvenWithoutSymlinkFollow(String path) {
        assertThat(code(path, false)).as(path).isEqualTo("not-permitted");
    }

    @Test
    void aSymlinkAsLastComponentIsNotFollowedWithoutSymlinkFollow() throws FsException {
        assertThat(Sandbox.resolve(root, "up-file", false).path()).isEqualTo(root.resolve("up-file"));
        assertThat(Sandbox.resolve(root, "abs-dir", false).path()).isEqualTo(root.resolve("abs-dir"));
    }

    @Test
    void pathsInsideResolveAndSymlinksInsideAreFollowed() throws FsException {
        assertThat(Sandbox.resolve(root, "sub/./file", true).path()).isEqualTo(root.resolve("sub/file"));
        assertThat(Sandbox.resolve(root, "sub/../sub/file", true).path()).isEqualTo(root.resolve("sub/file"));
        assertThat(Sandbox.resolve(root, "inside", true).path()).isEqualTo(root.resolve("sub/file"));
        assertThat(Sandbox.resolve(root, ".", true).path()).isEqualTo(root);
    }

    @Test
    void dotDotIsConfinedToTheDescriptorsDirectoryNotJustThePreopen() {
        assertThatThrownBy(() -> Sandbox.resolve(root.resolve("sub"), "../sub/file", true))
                .isInstanceOf(FsException.class).hasMessageContaining("leaves its directory");
    }

    @Test
    void loopsAndNonDirectoriesAreErrors() {
        assertThat(code("loop", true)).isEqualTo("loop");
        assertThat(code("sub/file/x", true)).isEqualTo("not-directory");
        assertThat(code("", true)).isEqualTo("no-entry");
    }

    @Test
    void hardLinksCannotNameAFileOutsideBecauseTheirSourceResolvesInTheSandbox() {
        // link-at resolves its old path like every other path: a source outside is refused before linking.
        assertThat(code("../outside/secret", false)).isEqualTo("not-permitted");
        assertThat(code("abs-file", true)).isEqualTo("not-permitted");
    }
}
