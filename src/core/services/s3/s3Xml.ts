import { xmlEscape } from '../sns/snsXml';

/** S3's XML: its namespace, its timestamps, and the little reading the request bodies need. */

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** `<?xml …?>` then the root element in S3's namespace. */
export function s3XmlDocument(root: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_XMLNS}">${inner}</${root}>`;
}

/** `<Name>value</Name>`, escaped; nothing for undefined. */
export function xmlElement(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

/** ISO 8601 with milliseconds, as S3 writes LastModified in XML. */
export const s3Timestamp = (ms: number): string => new Date(ms).toISOString();

/** RFC 7231 date, as S3 writes the Last-Modified and Date headers. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();

/** Text of XML character data: the five named entities and numeric references. */
export function xmlUnescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    const cp = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** The contents of each `<name>…</name>` (a namespace prefix allowed), in order; `<name/>` gives "". */
export function xmlChildren(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>)`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1] ?? '');
}
