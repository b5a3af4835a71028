package dev.jwc.text.component;

/**
 * A parsed item whose indices are resolved when it is defined: resolution may insert aliases before
 * it, so it must run in definition order, after the items that precede it.
 */
@FunctionalInterface
interface Deferred<T> {
    T resolve(Scope scope);
}
