/**
 * Just enough YAML for a CloudFormation template: block mappings and
 * sequences, scalars quoted whenever a YAML 1.1 or 1.2 reader could take
 * them for anything but a string, CloudFormation's short-form intrinsic
 * tags (!Ref, !GetAtt, !Sub), and comment lines (a key starting with '#').
 */
export type YamlNode = string | number | boolean | null | YamlTag | YamlNode[] | YamlMap;
export interface YamlMap {
  [key: string]: YamlNode | undefined;
}

export class YamlTag {
  constructor(
    readonly tag: '!Ref' | '!GetAtt' | '!Sub',
    readonly value: string,
  ) {}
}

export const ref = (logicalId: string): YamlTag => new YamlTag('!Ref', logicalId);
export const getAtt = (logicalId: string, attribute: string): YamlTag => new YamlTag('!GetAtt', `${logicalId}.${attribute}`);
export const sub = (text: string): YamlTag => new YamlTag('!Sub', text);

/** A key whose value is written as a comment line (`# text`) where the entry would be; keys must stay unique, hence the number. */
export const commentKey = (n: number): string => `# ${n}`;

const SPECIAL = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./$*:()-]*(?: [A-Za-z0-9_./$*:()-]+)*$/;

function isPlain(s: string): boolean {
  return PLAIN.test(s) && !SPECIAL.test(s) && !/:( |$)/.test(s);
}

/** A double-quoted YAML scalar: every character outside printable ASCII and the BMP's safe range is escaped. */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) {
      out += cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`YAML: not a finite number: ${v}`);
    return String(v);
  }
  return isPlain(v) ? v : quote(v);
}

const key = (k: string): string => (isPlain(k) ? k : quote(k));

function isMap(v: YamlNode): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof YamlTag);
}

const entries = (m: YamlMap): [string, YamlNode][] => Object.entries(m).filter((e): e is [string, YamlNode] => e[1] !== undefined);

function inline(v: YamlNode): string | null {
  if (v instanceof YamlTag) return `${v.tag} ${v.tag === '!Sub' ? quote(v.value) : v.value}`;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
  if (isMap(v)) return entries(v).length === 0 ? '{}' : null;
  return scalar(v);
}

function block(v: YamlNode, indent: string, lines: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      const one = inline(item);
      if (one !== null) {
        lines.push(`${indent}- ${one}`);
        continue;
      }
      const inner: string[] = [];
      block(item, `${indent}  `, inner);
      // The first line of the item goes after the dash.
      const first = inner[0] ?? '';
      lines.push(`${indent}- ${first.slice(indent.length + 2)}`, ...inner.slice(1));
    }
    return;
  }
  if (!isMap(v)) throw new Error('YAML: block of a scalar');
  for (const [k, value] of entries(v)) {
    if (k.startsWith('# ')) {
      lines.push(`${indent}# ${String(value).replace(/\s+/g, ' ')}`);
      continue;
    }
    const one = inline(value);
    if (one !== null) lines.push(`${indent}${key(k)}: ${one}`);
    else {
      lines.push(`${indent}${key(k)}:`);
      block(value, `${indent}  `, lines);
    }
  }
}

/** The document as YAML text, ending in a newline. */
export function toYaml(document: YamlMap): string {
  const lines: string[] = [];
  block(document, '', lines);
  return `${lines.join('\n')}\n`;
}
