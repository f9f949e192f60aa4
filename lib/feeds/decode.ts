/**
 * Bytes to text, the way feed readers that get French feeds right do it: a byte-order mark wins, then the
 * charset the server announced, then the XML declaration; with none of these, UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252 (a superset of ISO-8859-1, which is what undeclared French feeds nearly always are).
 */

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const fromBom = BOMS.find(([bom]) => bom.every((byte, i) => bytes[i] === byte));
  if (fromBom) return new TextDecoder(fromBom[1]).decode(bytes);

  for (const label of [charsetOf(contentType), xmlDeclaredEncoding(bytes)]) {
    const text = label ? tryDecode(bytes, label) : undefined;
    if (text !== undefined) return text;
  }
  return tryDecode(bytes, 'utf-8') ?? decodeWith(new TextDecoder('windows-1252'), bytes);
}

export function charsetOf(contentType?: string): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase();
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII whatever the encoding that follows, and may come after stray whitespace.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 512));
  return head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/)?.[1]?.toLowerCase();
}

/**
 * Undefined when the label is unknown, or when it claims UTF-8 and the bytes are not: servers and
 * declarations both lie, and the fallback chain then gets its turn instead of filling the text with U+FFFD.
 */
function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
  try {
    return decodeWith(decoder, bytes);
  } catch {
    return decoder.encoding === 'utf-8' ? undefined : decodeWith(new TextDecoder(label), bytes);
  }
}

/**
 * Node from 20.18.3 decodes windows-1252 (and so latin1, iso-8859-1, ascii) as ISO-8859-1: bytes 0x80-0x9F
 * come out as C1 controls instead of € ’ œ … (nodejs/node#56542). Browsers map them as below, keeping only
 * five bytes as themselves, so this repair changes nothing there.
 */
const WINDOWS_1252_80_9F =
  '\u20AC\x81\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\x8D\u017D\x8F' +
  '\x90\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\x9D\u017E\u0178';

function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9F]/g, (c) => WINDOWS_1252_80_9F.charAt(c.charCodeAt(0) - 0x80));
}
