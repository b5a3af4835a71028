package dev.jwc.wit.resolve;

import dev.jwc.wit.model.Docs;
import dev.jwc.wit.model.Function;
import dev.jwc.wit.model.Interface;
import dev.jwc.wit.model.PackageId;
import dev.jwc.wit.model.Stability;
import dev.jwc.wit.model.TypeId;
import java.util.LinkedHashMap;
import java.util.Optional;

/** An interface while resolving. */
final class MutableInterface {
    String name;
    LinkedHashMap<String, TypeId> types = new LinkedHashMap<>();
    LinkedHashMap<String, Function> functions = new LinkedHashMap<>();
    Docs docs = Docs.NONE;
    Stability stability = Stability.UNKNOWN;
    PackageId pkg;

    Interface freeze() {
        return new Interface(Optional.ofNullable(name), types, functions, docs, stability, Optional.ofNullable(pkg));
    }
}
