/** jwc text. */
module dev.jwc.text {
    requires transitive dev.jwc.binary;
}
