import type { AtomFeed } from 'feedsmith';

/** Atom 0.3 marks base64 text constructs with mode="base64", which feedsmith does not keep. */
export const BASE64_MODE = /\bmode\s*=\s*["']base64["']/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** RFC 4287 §4.1.3.3: a type that is neither text nor XML means the value is base64. */
const TEXTUAL_TYPE = /^(text|html|xhtml)$|^text\/|[+/]xml$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text construct decoded when it is base64: by its MIME type (Atom 1.0) or, in a document
 * that uses mode="base64" (Atom 0.3), when it is valid base64 of valid UTF-8.
 */
export function decodeBase64Text<T extends AtomFeed.Text | AtomFeed.Content>(
  text: T | undefined,
  documentUsesBase64: boolean,
): T | undefined {
  if (text?.value === undefined) return text;
  const binaryType = text.type !== undefined && !TEXTUAL_TYPE.test(text.type.trim());
  if (!binaryType && !documentUsesBase64) return text;
  const compact = text.value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return text;
  try {
    const value = strictUtf8.decode(Buffer.from(compact, 'base64'));
    return { ...text, value, type: binaryType ? 'text' : text.type };
  } catch {
    return text;
  }
}
