/** WAVE, the WebAssembly Value Encoding: parse text into component values and print them canonically. */
module dev.jwc.wave {
    requires transitive dev.jwc.types;

    exports dev.jwc.wave;
}
