package dev.jwc.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a guest may see, deny by default: its arguments, exactly the environment given, the
 * preopened directories, stdio, sockets only when {@code inheritNetwork}, and name lookups only when
 * {@code allowIpNameLookup}.
 */
public record WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, InputStream stdin,
                         OutputStream stdout, OutputStream stderr, boolean inheritNetwork,
                         boolean allowIpNameLookup) {
    public WasiConfig {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        preopens = List.copyOf(preopens);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** A configuration without name lookups. */
    public WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, InputStream stdin,
                      OutputStream stdout, OutputStream stderr, boolean inheritNetwork) {
        this(args, env, preopens, stdin, stdout, stderr, inheritNetwork, false);
    }

    /** No arguments, environment, files or network; stdio of this process. */
    public static WasiConfig inheritStdio() {
        return new WasiConfig(List.of(), Map.of(), List.of(), System.in, System.out, System.err, false, false);
    }

    public WasiConfig withArgs(List<String> newArgs) {
        return new WasiConfig(newArgs, env, preopens, stdin, stdout, stderr, inheritNetwork, allowIpNameLookup);
    }

    public WasiConfig withEnv(Map<String, String> newEnv) {
        return new WasiConfig(args, newEnv, preopens, stdin, stdout, stderr, inheritNetwork, allowIpNameLookup);
    }

    public WasiConfig withPreopens(List<Preopen> newPreopens) {
        return new WasiConfig(args, env, newPreopens, stdin, stdout, stderr, inheritNetwork, allowIpNameLookup);
    }

    public WasiConfig withStdio(InputStream in, OutputStream out, OutputStream err) {
        return new WasiConfig(args, env, preopens, in, out, err, inheritNetwork, allowIpNameLookup);
    }

    /** Grants (or withdraws) TCP and UDP sockets: Wasmtime's {@code -S inherit-network}. */
    public WasiConfig withInheritNetwork(boolean inherit) {
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, inherit, allowIpNameLookup);
    }

    /** Grants (or withdraws) {@code ip-name-lookup}: Wasmtime's {@code -S allow-ip-name-lookup}. */
    public WasiConfig withAllowIpNameLookup(boolean allow) {
        return new WasiConfig(args, env, preopens, stdin, stdout, stderr, inheritNetwork, allow);
    }
}
