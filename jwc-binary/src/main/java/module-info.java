/** The binary formats: component and core module models, reader, writer and validator. */
module dev.jwc.binary {
    exports dev.jwc.binary;
    exports dev.jwc.binary.component;
    exports dev.jwc.binary.io;
}
