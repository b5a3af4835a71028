/** A small JSON value model with a reader and a pretty writer, shared by the CLI and the test runners. */
module dev.jwc.json {
    exports dev.jwc.json;
}
