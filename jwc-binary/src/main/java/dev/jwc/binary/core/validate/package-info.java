/**
 * Core module validation ({@link dev.jwc.binary.core.validate.CoreValidator}) and the resolved view of
 * a valid module ({@link dev.jwc.binary.core.validate.ModuleInfo}).
 */
package dev.jwc.binary.core.validate;
