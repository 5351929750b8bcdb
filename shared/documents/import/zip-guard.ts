/**
 * A ZIP archive (a DOCX) checked before anything opens it: a zip bomb — a small file
 * that inflates to gigabytes — or an archive with absurd entries is refused before a
 * library spends memory on it.
 *
 * The central directory is read by hand (entry count, names, declared sizes, methods), and
 * the declared sizes must add up to no more than the limit. Declared sizes can lie, so
 * every entry is then really inflated with fflate into a buffer one byte larger than it
 * declares: an entry that fills it unpacks to more than it said and is refused. Memory
 * stays bounded by the declared sizes, which are within the limit.
 */
import { inflateSync } from 'fflate';
import { ConvertError, formatBytes } from './errors.ts';
import type { ResolvedConvertLimits } from './errors.ts';

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  dataStart: number;
}

const maxNameLength = 1024;

/** Reads the central directory; throws {@link ConvertError} `malformed` or `zip-bomb`. */
export function readZipEntries(bytes: Uint8Array, fileName: string, limits: ResolvedConvertLimits): ZipEntry[] {
  const malformed = (detail: string): never => {
    throw new ConvertError('malformed', fileName, `this is not a readable DOCX (damaged ZIP archive: ${detail})`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : malformed('truncated'));
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : malformed('truncated'));
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) malformed('no central directory');
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) malformed('ZIP64 archives are not read');
  if (count > limits.maxZipEntries) {
    throw new ConvertError('zip-bomb', fileName, `the archive has ${count} entries, more than the ${limits.maxZipEntries} a document may have`);
  }
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let index = 0; index < count; index++) {
    if (u32(at) !== 0x02014b50) malformed('bad central directory entry');
    const nameLength = u16(at + 28);
    if (nameLength === 0 || nameLength > maxNameLength) {
      throw new ConvertError('zip-bomb', fileName, `an entry of the archive has an absurd name length (${nameLength})`);
    }
    const name = String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength));
    const localHeader = u32(at + 42);
    if (u32(localHeader) !== 0x04034b50) malformed(`entry ${name} has no local header`);
    const entry: ZipEntry = {
      name,
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      declaredSize: u32(at + 24),
      dataStart: localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28),
    };
    if (entry.method !== 0 && entry.method !== 8) malformed(`entry ${name} uses compression method ${entry.method}`);
    if (entry.dataStart + entry.compressedSize > bytes.length) malformed(`entry ${name} runs past the end of the file`);
    declaredTotal += entry.declaredSize;
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  if (declaredTotal > limits.maxUnzippedBytes) throw zipBomb(fileName, declaredTotal, limits);
  return entries;
}

function zipBomb(fileName: string, size: number, limits: ResolvedConvertLimits): ConvertError {
  return new ConvertError('zip-bomb', fileName,
    `it unpacks to more than ${formatBytes(Math.max(size, limits.maxUnzippedBytes))}, past the ${formatBytes(limits.maxUnzippedBytes)} limit (a zip bomb?)`);
}

/**
 * Checks `bytes` as a ZIP archive: its entries sane and its real unpacked size within the
 * limit. Returns the entries. Throws {@link ConvertError} `zip-bomb` or `malformed`.
 */
export function checkZip(bytes: Uint8Array, fileName: string, limits: ResolvedConvertLimits): ZipEntry[] {
  const entries = readZipEntries(bytes, fileName, limits);
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) continue;
    // One byte more than the entry declares: an entry that fills it inflates past its
    // declared size (fflate stops at the end of the buffer it is given), so it lies.
    let inflated: Uint8Array;
    try {
      inflated = inflateSync(data, { out: new Uint8Array(entry.declaredSize + 1) });
    } catch {
      throw new ConvertError('malformed', fileName, `this is not a readable DOCX (entry ${entry.name} is damaged)`);
    }
    if (inflated.length > entry.declaredSize) {
      throw new ConvertError('zip-bomb', fileName,
        `entry ${entry.name} unpacks to more than the ${formatBytes(entry.declaredSize)} it declares (a zip bomb?)`);
    }
  }
  return entries;
}
