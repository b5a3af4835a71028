/** jwc wit. */
module dev.jwc.wit {
    requires transitive dev.jwc.json;
}
