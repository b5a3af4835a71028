package dev.jwc.binary.component;

/** An import definition or import declarator. */
public record Import(ExternName name, ExternType type) {
}
