import { inflateRawSync } from "node:zlib";

// An .xlsx upload is a zip that the spreadsheet reader inflates into memory entry by entry: a few megabytes of
// deflated zeros can claim gigabytes and take the server down. Walking the entries the way a streaming reader
// does (local headers, in file order) and inflating each with a hard output cap tells how much the archive
// really unpacks to, whatever its headers declare, using no more memory than the cap.

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;

export type ZipVerdict = { ok: true; unpackedBytes: number } | { ok: false; reason: "tooLarge" | "unreadable" };

/** How many bytes the zip's entries unpack to, refusing as soon as the total would pass `maxUnpackedBytes`. */
export function checkZipUnpackedSize(bytes: Uint8Array, maxUnpackedBytes: number): ZipVerdict {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let total = 0;
  while (offset + 30 <= data.length && data.readUInt32LE(offset) === LOCAL_HEADER) {
    const flags = data.readUInt16LE(offset + 6);
    const method = data.readUInt16LE(offset + 8);
    let compressed = data.readUInt32LE(offset + 18);
    const declared = data.readUInt32LE(offset + 22);
    const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
    const hasDescriptor = (flags & 0x08) !== 0;
    // Zip64 and encrypted entries never occur in a spreadsheet of a few megabytes.
    if (compressed === 0xffffffff || declared === 0xffffffff || (flags & 0x01) !== 0 || start > data.length) return { ok: false, reason: "unreadable" };
    if (method === 8) {
      let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        const input = hasDescriptor ? data.subarray(start) : data.subarray(start, start + compressed);
        inflated = inflateRawSync(input, { info: true, maxOutputLength: maxUnpackedBytes - total + 1 }) as unknown as typeof inflated;
      } catch (error) {
        return { ok: false, reason: (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : "unreadable" };
      }
      total += inflated.buffer.length;
      if (hasDescriptor) compressed = inflated.engine.bytesWritten;
    } else if (method === 0 && !hasDescriptor) {
      total += compressed;
    } else {
      return { ok: false, reason: "unreadable" };
    }
    if (total > maxUnpackedBytes) return { ok: false, reason: "tooLarge" };
    offset = start + compressed;
    if (hasDescriptor) offset += offset + 4 <= data.length && data.readUInt32LE(offset) === DATA_DESCRIPTOR ? 16 : 12;
  }
  return { ok: true, unpackedBytes: total };
}
