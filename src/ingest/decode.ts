/** Why bytes could not become text; the codes are stable and appear in summary.json. */
export type DecodeFailure = { code: 'empty-file' | 'binary-file' | 'undecodable'; message: string };

export interface Decoded {
  text: string;
  encoding: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Node's WHATWG TextDecoder (full ICU) decodes GB18030, a superset of GBK and
// GB2312, so no extra package is needed for the Chinese legacy encodings.
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * True when the bytes look like a binary file: a NUL byte, or many control
 * characters, in the first 8 KiB. UTF-16 files (which contain NULs) are
 * recognised by their BOM before this check.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/**
 * Decodes a file's bytes: UTF-8 (BOM removed), UTF-16 by BOM, else GB18030
 * when the bytes are not valid UTF-8. Line endings are left as they are.
 */
export function decodeBytes(bytes: Uint8Array): Decoded | DecodeFailure {
  if (bytes.length === 0) return { code: 'empty-file', message: 'The file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) return { code: 'binary-file', message: 'The file holds binary data, not text; remove it from the folder or convert it to text' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: UTF8.decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    try {
      return { text: GB18030.decode(body), encoding: 'gb18030' };
    } catch {
      return { code: 'undecodable', message: 'The file is neither UTF-8 nor GB18030/GBK text; re-save it as UTF-8' };
    }
  }
}

/** Folds CRLF and lone CR into LF. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
