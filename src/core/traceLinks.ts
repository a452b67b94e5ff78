/**
 * Places in the handler's file named by a stack trace or a log line
 * (`file:///var/task/index.mjs:7:11`, `/var/task/index.js:7:11`, and
 * Python's `File "/var/task/lambda_function.py", line 7`): the UI turns them
 * into links that put the editor's cursor there.
 */

export interface TraceLink {
  /** The text as written, e.g. `file:///var/task/index.mjs:7:11`. */
  text: string;
  line: number;
  column: number;
}

export type TracePart = string | TraceLink;

const LOCATION = /(?:file:\/\/)?\/var\/task\/([\w.-]+):(\d+):(\d+)/g;
/** A Python traceback's frame (`line 7`), or the runtime's syntax-error frame (`Line 7`): no column. */
const PYTHON_LOCATION = /File "\/var\/task\/([\w.-]+)",? [Ll]ine (\d+)/g;

/** The names a trace may give the function's file: its own, and for TypeScript the `.js` Lambda would run. */
function namesOf(fileName: string): string[] {
  return fileName.endsWith('.ts') ? [fileName, fileName.replace(/\.ts$/, '.js')] : [fileName];
}

/** `text` cut into plain parts and links to places in `fileName`; other files' places stay text. */
export function traceParts(text: string, fileName: string): TracePart[] {
  if (!text.includes('/var/task/')) return [text];
  const names = namesOf(fileName);
  const out: TracePart[] = [];
  let last = 0;
  for (const m of text.matchAll(fileName.endsWith('.py') ? PYTHON_LOCATION : LOCATION)) {
    if (!names.includes(m[1] as string)) continue;
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    out.push({ text: m[0], line: Number(m[2]), column: m[3] === undefined ? 1 : Number(m[3]) });
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The place in `fileName` where the trace's error was raised, or null: Node.js names it first, Python's traceback (most recent call last) last. */
export function firstTraceLink(lines: readonly string[], fileName: string): TraceLink | null {
  const links = lines.flatMap((line) => traceParts(line, fileName).filter((p): p is TraceLink => typeof p !== 'string'));
  return (fileName.endsWith('.py') ? links[links.length - 1] : links[0]) ?? null;
}
