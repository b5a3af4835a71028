/** Resolved component-model value types, function types and values ({@code Val}); depends on nothing. */
module dev.jwc.types {
    exports dev.jwc.types;
}
