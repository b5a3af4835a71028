package dev.jwc.wit.model;

import java.util.Objects;
import java.util.Optional;

/** A package name {@code namespace:name[@version]}, e.g. {@code wasi:io@0.2.0}. */
public record PackageName(String namespace, String name, Optional<Version> version) {
    public PackageName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    public PackageName(String namespace, String name) {
        this(namespace, name, Optional.empty());
    }

    public PackageName(String namespace, String name, Version version) {
        this(namespace, name, Optional.of(version));
    }

    /** The same name without its version, {@code namespace:name}. */
    public String unversioned() {
        return namespace + ":" + name;
    }

    /** The fully qualified name of interface {@code iface} of this package: {@code ns:name/iface[@version]}. */
    public String interfaceId(String iface) {
        return unversioned() + "/" + iface + version.map(v -> "@" + v).orElse("");
    }

    @Override
    public String toString() {
        return unversioned() + version.map(v -> "@" + v).orElse("");
    }
}
