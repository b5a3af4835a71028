/** jwc wit-component: WIT packages and worlds in their binary (component) form, decoded and encoded. */
module dev.jwc.witcomponent {
    requires transitive dev.jwc.wit;
    requires transitive dev.jwc.binary;
    requires dev.jwc.text;

    exports dev.jwc.witcomponent;


}
