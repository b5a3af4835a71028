/**
 * Resolved component-model types and values: {@link dev.jwc.types.ValueType}, {@link dev.jwc.types.FuncType},
 * {@link dev.jwc.types.ResourceType} (identity) and {@link dev.jwc.types.Val}.
 */
package dev.jwc.types;
