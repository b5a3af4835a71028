/** Core WebAssembly types: value, reference, heap, composite (func/struct/array) and entity types. */
package dev.jwc.binary.core.types;
