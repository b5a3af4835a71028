package dev.jwc.binary.core;

/** An export: its name and the exported entity's kind and index. */
public record Export(String name, ExternalKind kind, int index) {
}
