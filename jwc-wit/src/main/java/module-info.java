/** jwc wit: the WIT language, its resolved model, its JSON form and its printer. */
module dev.jwc.wit {
    requires transitive dev.jwc.json;

    exports dev.jwc.wit;
    exports dev.jwc.wit.json;
    exports dev.jwc.wit.model;
    exports dev.jwc.wit.print;
    exports dev.jwc.wit.resolve;
    exports dev.jwc.wit.syntax;
}
