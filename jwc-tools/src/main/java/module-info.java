/** jwc tools: {@code component embed} (WIT into a core module) and {@code component new} (core module to component). */
module dev.jwc.tools {
    requires transitive dev.jwc.witcomponent;
    requires dev.jwc.text;

    exports dev.jwc.tools;
    exports dev.jwc.tools.link;
}
