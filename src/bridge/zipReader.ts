import { crc32 } from '../core/workspace/crc32';
import { inflateRaw, InflateTooLargeError } from './deflateRaw';
import type { ZipEntry } from './zipWriter';

/**
 * A small zip reader: finds the end record, walks the central directory and
 * inflates each file (STORED or DEFLATE, the two methods every zip tool
 * writes by default), checking its CRC-32. Entries with a data descriptor
 * are fine (sizes come from the central directory). Zip64, encryption and
 * other methods are refused with a message that says so.
 */
export class ZipError extends Error {}

export const ZIP_LIMITS = { entries: 2_000, totalBytes: 64 * 1024 * 1024 } as const;

export async function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('This is not a zip file (no end-of-central-directory record).');
  const count = u16(end + 10);
  const centralOffset = u32(end + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw new ZipError('Zip64 archives are not supported.');
  if (count > ZIP_LIMITS.entries) throw new ZipError(`The zip has ${count} entries; at most ${ZIP_LIMITS.entries} are read.`);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = centralOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw new ZipError('The zip’s central directory is damaged.');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`${path} is encrypted.`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new ZipError('Zip64 archives are not supported.');
    if (method !== 0 && method !== 8) throw new ZipError(`${path} uses compression method ${method}; only STORE and DEFLATE are read.`);
    total += size;
    if (total > ZIP_LIMITS.totalBytes) throw new ZipError(`The zip holds more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB.`);
    if (localOffset + 30 > bytes.length || u32(localOffset) !== 0x04034b50) throw new ZipError(`The local header of ${path} is damaged.`);
    const start = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    const body = bytes.subarray(start, start + compressedSize);
    if (body.length !== compressedSize) throw new ZipError(`${path} is cut short.`);
    let data: Uint8Array;
    try {
      data = method === 0 ? body.slice() : await inflateRaw(body, size);
    } catch (err) {
      throw new ZipError(err instanceof InflateTooLargeError ? `${path} is larger than its header says.` : `${path} does not decompress.`);
    }
    if (data.length !== size || crc32(data) !== crc) throw new ZipError(`${path} is damaged (its CRC-32 or size does not match).`);
    entries.push({ path, data });
  }
  return entries;
}

/**
 * The unzipped size the archive declares (its central directory's sizes
 * summed), read without inflating anything: what Lambda checks a layer's or
 * a function's archive against. 0 when no central directory is found.
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 0;
  let total = 0;
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0 && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; n--) {
    total += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
