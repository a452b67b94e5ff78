import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './jsonLanguage';

/** JSON.parse's own message for `text`. */
function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('parsed');
}

describe('jsonErrorOffset', () => {
  it('finds where JSON.parse stopped, from the engine’s message', () => {
    const text = '{\n  "name": "Lambda",\n  oops\n}';
    expect(text.slice(jsonErrorOffset(text, parseError(text)))).toMatch(/^oops/);
  });

  it('reads both message shapes V8 has used', () => {
    expect(jsonErrorOffset('{"a":}', 'Unexpected token } in JSON at position 5')).toBe(5);
    expect(jsonErrorOffset('{\n"a":}', "Expected ',' or '}' after property value in JSON at line 2 column 5")).toBe(6);
  });

  it('points at the end when the message names no place (unexpected end)', () => {
    expect(jsonErrorOffset('{"a": 1', 'Unexpected end of JSON input')).toBe(7);
  });
});
