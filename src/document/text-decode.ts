import { DocumentError } from './document-error';

const HAN = /\p{Script=Han}/u;

const decoder = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: false });

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return decoder(label).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset an HTML page declares in its first bytes (`<meta charset>` or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

/**
 * Bytes of a text or HTML report as a string. Chinese offices still send GB18030 (GBK) files, so:
 * a BOM or a declared charset first, then UTF-8, then GB18030 when the bytes are not UTF-8 and
 * decode to Chinese text. Nothing is guessed silently: bytes that fit neither are refused.
 */
export function decodeText(bytes: Uint8Array, name: string, declared?: string | null): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoder('utf-16be').decode(bytes);
  const labels = [declared, 'utf-8', 'gb18030'].filter((l): l is string => !!l);
  for (const label of labels) {
    let text: string | null;
    try {
      text = tryDecode(label, bytes);
    } catch {
      continue; // a charset name this runtime does not know: try the next
    }
    if (text === null) continue;
    if (label === 'gb18030' && !HAN.test(text)) continue;
    if (text.includes('\u0000'))
      throw new DocumentError('NOT_TEXT', `${name} holds binary data, not text`);
    return text;
  }
  throw new DocumentError('NOT_TEXT', `${name} is neither UTF-8 nor GB18030 text`);
}
