/**
 * Stack traces the user can act on: only the frames of the handler's own
 * file, named as Node.js names it on Lambda (`file:///var/task/index.mjs:7:11`
 * for an ES module, `/var/task/index.js:7:11` for CommonJS), with lines and
 * columns of the code in the editor. The runtime's own frames (the worker's
 * `blob:` scripts, the Node.js built-in shims) are dropped. Pure: shared by
 * the runtime (which cleans what it reports) and the app (which builds the
 * map when it compiles the handler).
 */

/** Generated column → source column pairs, per generated line (0-based), sorted by generated column. */
export type LineMap = (readonly (readonly [number, number])[])[];

export interface TraceSource {
  /** The URL the evaluated handler script carries (`//# sourceURL`), e.g. `file:///var/task/index.mjs`. */
  scriptUrl: string;
  /** How a frame names the file, as Node prints it. */
  shownAs: string;
  /** Characters the wrapper puts before the code on line 1. */
  firstLineOffset: number;
  /** From the transpiler's source map (lines are kept; columns move); absent when the code ran as written. */
  lineMap?: LineMap;
}

const FRAME = /^\s*at\s/;
/** `at fn (url:line:col)` or `at url:line:col`. */
const LOCATION = /^(\s*at\s+(?:.*?\()?)(.+):(\d+):(\d+)(\)?)\s*$/;
/** Frames of V8's own built-ins between user frames (`at JSON.parse (<anonymous>)`, `at async Promise.all (index 0)`). */
const BUILTIN = /\((?:<anonymous>|native|index \d+)\)\s*$/;

/** A 1-based line and column of the generated code, as one in the editor (also 1-based). */
export function sourcePosition(src: TraceSource, line: number, column: number): { line: number; column: number } {
  let col0 = column - 1;
  if (line === 1) col0 = Math.max(0, col0 - src.firstLineOffset);
  const segments = src.lineMap?.[line - 1];
  if (segments && segments.length > 0) {
    let found = segments[0] as readonly [number, number];
    for (const s of segments) {
      if (s[0] > col0) break;
      found = s;
    }
    // A position inside a token maps to the token's start, as a source-map lookup does.
    col0 = found[1];
  }
  return { line, column: col0 + 1 };
}

/** The trace's message lines and the handler's own frames, mapped to the editor's positions. */
export function userTrace(lines: readonly string[], src: TraceSource): string[] {
  const out: string[] = [];
  let pendingBuiltins: string[] = [];
  let sawUserFrame = false;
  for (const line of lines) {
    if (!FRAME.test(line)) {
      out.push(line);
      continue;
    }
    const m = LOCATION.exec(line);
    if (m && m[2] === src.scriptUrl) {
      const pos = sourcePosition(src, Number(m[3]), Number(m[4]));
      if (sawUserFrame) out.push(...pendingBuiltins);
      pendingBuiltins = [];
      sawUserFrame = true;
      out.push(`${m[1]}${src.shownAs}:${pos.line}:${pos.column}${m[5]}`);
    } else if (BUILTIN.test(line)) {
      pendingBuiltins.push(line);
    } else {
      pendingBuiltins = [];
    }
  }
  return out;
}

/** The same, for an error's `stack` string. */
export function userStack(stack: string, src: TraceSource): string {
  return userTrace(stack.split('\n'), src).join('\n');
}

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A line-preserving source map's `mappings` (Sucrase keeps every line where
 * it was) as [generated column, source column] pairs per line. Segments that
 * point to another source line are left out.
 */
export function lineMapOf(mappings: string): LineMap {
  const out: LineMap = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  let sourceIndex = 0;
  mappings.split(';').forEach((lineText, genLine) => {
    const pairs: [number, number][] = [];
    let genColumn = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const values = decodeVlq(segment);
      genColumn += values[0] ?? 0;
      if (values.length < 4) continue;
      sourceIndex += values[1] ?? 0;
      sourceLine += values[2] ?? 0;
      sourceColumn += values[3] ?? 0;
      if (sourceLine === genLine && sourceIndex === 0) pairs.push([genColumn, sourceColumn]);
    }
    out.push(pairs);
  });
  return out;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = VLQ.indexOf(ch);
    if (digit < 0) return values;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** How Node.js names the handler's file in a frame: a `file://` URL for an ES module, a path for CommonJS. */
export function shownFileOf(fileName: string, esm: boolean): string {
  return esm ? `file:///var/task/${fileName}` : `/var/task/${fileName}`;
}
