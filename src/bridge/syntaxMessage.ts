/**
 * A parse error from Sucrase, worded as V8 (Node.js) words the SyntaxError
 * for the same code: `Unexpected token ';'`, `Unexpected identifier 'foo'`,
 * `Unexpected end of input`, `Invalid or unexpected token`… V8 reports the
 * token it stopped at; Sucrase's position is the same token in the common
 * cases, so the message is rebuilt from the source text at that position.
 */

const RESERVED = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public'.split(' '),
);
const PUNCTUATORS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];

/** The 0-based offset of a 1-based line and 0-based column. */
export function offsetOf(code: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = code.indexOf('\n', offset);
    if (nl < 0) return code.length;
    offset = nl + 1;
  }
  return Math.min(code.length, offset + column);
}

/** V8's message for a parse error Sucrase reported as `parserMessage` at `offset`. */
export function v8SyntaxMessage(code: string, offset: number, parserMessage: string): string {
  const plain = parserMessage.replace(/\s*\(\d+:\d+\)$/, '');
  if (/^Unterminated string/.test(plain)) return 'Invalid or unexpected token';
  if (/^Unterminated template/.test(plain)) return 'Unterminated template literal';
  if (/^Unterminated regular expression/.test(plain)) return 'Invalid regular expression: missing /';
  if (!/^Unexpected token|^Unexpected keyword|^Unexpected reserved word/.test(plain)) return plain;
  const rest = code.slice(offset);
  if (rest.trim() === '') return 'Unexpected end of input';
  const ident = /^[A-Za-z_$][\w$]*/.exec(rest);
  if (ident) return RESERVED.has(ident[0]) ? `Unexpected token '${ident[0]}'` : `Unexpected identifier '${ident[0]}'`;
  if (/^\d|^\.\d/.test(rest)) return 'Unexpected number';
  if (/^['"]/.test(rest)) return 'Unexpected string';
  if (rest.startsWith('`')) return 'Unexpected template string';
  const punct = PUNCTUATORS.find((p) => rest.startsWith(p)) ?? rest.charAt(0);
  return `Unexpected token '${punct}'`;
}
