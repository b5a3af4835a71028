/**
 * Instructions: the {@link dev.jwc.binary.core.instr.Opcode} table shared by the binary reader and
 * writer, the text parser and the printer, and the instruction and immediate records.
 */
package dev.jwc.binary.core.instr;
