/** The binary formats: component and core module models, reader, writer and validator. */
module dev.jwc.binary {
    exports dev.jwc.binary;
    exports dev.jwc.binary.component;
    exports dev.jwc.binary.io;
    exports dev.jwc.binary.core;
    exports dev.jwc.binary.core.types;
    exports dev.jwc.binary.core.instr;
    exports dev.jwc.binary.core.validate;
    exports dev.jwc.binary.validate;
}
