/** The {@code jwc} command line. */
module dev.jwc.cli {
    requires dev.jwc.json;
    requires dev.jwc.wit;
    requires dev.jwc.binary;
    requires dev.jwc.text;
    requires dev.jwc.witcomponent;
    requires dev.jwc.tools;
    requires dev.jwc.runtime;
    requires dev.jwc.wasi;
    requires dev.jwc.wave;
    requires info.picocli;

    opens dev.jwc.cli to info.picocli;
}
