package dev.jwc.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a guest may see, deny by default: its arguments, exactly the environment given, the
 * preopened directories, stdio, and the network only when {@code inheritNetwork}.
 */
public record WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, InputStream stdin,
                         OutputStream stdout, OutputStream stderr, boolean inheritNetwork) {
    public WasiConfig {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        preopens = List.copyOf(preopens);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** No arguments, environment, files or network; stdio of this process. */
    public static WasiConfig inheritStdio() {
        return new WasiConfig(List.of(), Map.of(), List.of(), System.in, System.out, System.err, false);
    }

    public WasiConfig withArgs(List<String> newArgs) {
        return new WasiConfig(newArgs, env, preopens, stdin, stdout, stderr, inheritNetwork);
    }

    public WasiConfig withEnv(Map<String, String> newEnv) {
        return new WasiConfig(args, newEnv, preopens, stdin, stdout, stderr, inheritNetwork);
    }

    public WasiConfig withPreopens(List<Preopen> newPreopens) {
        return new WasiConfig(args, env, newPreopens, stdin, stdout, stderr, inheritNetwork);
    }

    public WasiConfig withStdio(InputStream in, OutputStream out, OutputStream err) {
        return new WasiConfig(args, env, preopens, in, out, err, inheritNetwork);
    }

    public WasiConfig withInheritNetwork(boolean inherit) {
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, inherit);
    }
}
