/**
 * The WASI 0.2 host: every interface of {@code wasi:cli/command} as host functions and resources of a
 * {@code dev.jwc.runtime.Linker}, confined to explicitly granted capabilities.
 */
module dev.jwc.wasi {
    requires transitive dev.jwc.runtime;
    requires dev.jwc.wit;
    requires jdk.net;

    exports dev.jwc.wasi;
}
