/**
 * Core WebAssembly modules: the immutable {@link dev.jwc.binary.core.CoreModule} model, built by
 * {@link dev.jwc.binary.core.CoreReader} from a binary (or {@link dev.jwc.binary.core.CoreModuleBuilder}
 * in memory) and encoded by {@link dev.jwc.binary.core.CoreWriter}.
 */
package dev.jwc.binary.core;
