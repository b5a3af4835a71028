/**
 * S-expressions over the lexer's tokens and a cursor to parse them.
 *
 * <p>{@link dev.jwc.text.sexpr.SExprParser#parse(String)} gives a
 * {@link dev.jwc.text.sexpr.SExprParser.Document} of {@link dev.jwc.text.sexpr.SExpr} trees (lists,
 * annotations and atoms, each with its position). A {@link dev.jwc.text.sexpr.Cursor} walks one list:
 *
 * <pre>{@code
 * Cursor c = SExprParser.parse("(memory $m 1 2)").cursor();
 * Cursor mem = c.list("memory");           // consumes "(memory", positioned at "$m"
 * Optional<Token.Id> id = mem.takeId();    // "$m"
 * int min = mem.u32();                     // 1
 * boolean hasMax = mem.peekUnsigned();     // true
 * int max = mem.u32();                     // 2
 * mem.expectEnd();                         // otherwise: TextException "line:col: unexpected ..."
 * }</pre>
 *
 * Nesting deeper than {@link dev.jwc.text.sexpr.SExprParser#MAX_DEPTH} is refused, so that parsers may
 * recurse over the tree safely.
 */
package dev.jwc.text.sexpr;
