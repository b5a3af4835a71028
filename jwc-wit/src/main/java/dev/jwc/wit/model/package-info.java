/**
 * The resolved WIT model: an immutable arena ({@link dev.jwc.wit.model.Resolve}) of packages, interfaces,
 * worlds and type definitions that refer to one another by index ({@link dev.jwc.wit.model.PackageId},
 * {@link dev.jwc.wit.model.InterfaceId}, {@link dev.jwc.wit.model.WorldId}, {@link dev.jwc.wit.model.TypeId}).
 *
 * <p>The shape follows wasm-tools' wit-parser {@code Resolve}, so that the JSON form of a model
 * ({@link dev.jwc.wit.json.ResolveJson}) is the one wit-parser serializes. A resolver fills a
 * {@link dev.jwc.wit.model.ResolveBuilder} and freezes it with {@link dev.jwc.wit.model.ResolveBuilder#build()}.
 */
package dev.jwc.wit.model;
