package dev.jwc.runtime.internal;

import dev.jwc.binary.component.Component;

/**
 * A component definition closed over the index spaces it was defined in, which its outer aliases
 * read; null for a root component.
 */
public record ComponentDef(Component component, Spaces enclosing) {
}
