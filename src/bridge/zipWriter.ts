import { crc32 } from '../core/workspace/crc32';
import { deflateRaw } from './deflateRaw';

/**
 * A small zip writer (PKWARE APPNOTE 6.3: local headers, central directory,
 * end record; no zip64, no encryption). Each entry is stored DEFLATE-compressed
 * by the platform's CompressionStream, or STORED when that is not smaller.
 * Names are UTF-8 (flag bit 11). A project export is a few small text files,
 * so a dependency would add more than it saves.
 */
export interface ZipEntry {
  /** Forward slashes, no leading slash: `src/my-function/index.mjs`. */
  path: string;
  data: Uint8Array;
}

const STORE = 0;
const DEFLATE = 8;
const UTF8_NAMES = 0x0800;

/** MS-DOS date and time, in the local fields of the given date (zip has no time zone). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

class ByteWriter {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }

  u16(v: number): void {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }

  u32(v: number): void {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
  }

  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const p of this.parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }
}

export async function writeZip(entries: readonly ZipEntry[], modified: Date): Promise<Uint8Array> {
  const { time, date } = dosDateTime(modified);
  const out = new ByteWriter();
  const central = new ByteWriter();
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.path) || entry.path.startsWith('/') || entry.path.split('/').includes('..')) throw new Error(`Bad or repeated zip path: ${entry.path}`);
    seen.add(entry.path);
    const name = encoder.encode(entry.path);
    const crc = crc32(entry.data);
    const deflated = await deflateRaw(entry.data);
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : entry.data;
    const offset = out.length;
    const header = (w: ByteWriter): void => {
      w.u16(20); // version needed to extract: 2.0 (deflate)
      w.u16(UTF8_NAMES);
      w.u16(method);
      w.u16(time);
      w.u16(date);
      w.u32(crc);
      w.u32(body.length);
      w.u32(entry.data.length);
      w.u16(name.length);
      w.u16(0); // extra field length
    };
    out.u32(0x04034b50);
    header(out);
    out.bytes(name);
    out.bytes(body);
    central.u32(0x02014b50);
    central.u16((3 << 8) | 20); // made by: Unix, 2.0 (so the external attributes carry a file mode)
    header(central);
    central.u16(0); // comment length
    central.u16(0); // disk number
    central.u16(0); // internal attributes
    central.u32((0o100644 << 16) >>> 0); // regular file, rw-r--r--
    central.u32(offset);
    central.bytes(name);
  }
  const centralOffset = out.length;
  const centralBytes = central.result();
  out.bytes(centralBytes);
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(entries.length);
  out.u16(entries.length);
  out.u32(centralBytes.length);
  out.u32(centralOffset);
  out.u16(0); // comment length
  return out.result();
}
