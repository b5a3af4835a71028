package dev.jwc.binary.component;

/** The kind of an index space: a core sort (encoded {@code 0x00 coresort}) or a component sort. */
public sealed interface Sort permits CoreSort, ComponentSort {
}
