/** An accepted kind of attachment: the content type it is served with, decided from its bytes. */
export interface DetectedType {
  contentType: string;
  kind: 'image' | 'pdf' | 'text';
}

const SIGNATURES: { bytes: number[]; offset?: number; type: DetectedType }[] = [
  {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    type: { contentType: 'image/png', kind: 'image' },
  },
  { bytes: [0xff, 0xd8, 0xff], type: { contentType: 'image/jpeg', kind: 'image' } },
  { bytes: [0x47, 0x49, 0x46, 0x38], type: { contentType: 'image/gif', kind: 'image' } },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { contentType: 'application/pdf', kind: 'pdf' } },
];

const TEXT_EXTENSIONS = new Set([
  'txt',
  'text',
  'log',
  'csv',
  'tsv',
  'json',
  'yaml',
  'yml',
  'md',
  'out',
  'err',
]);

function startsWith(content: Buffer, bytes: number[], offset = 0): boolean {
  return content.length >= offset + bytes.length && bytes.every((b, i) => content[offset + i] === b);
}

function isWebp(content: Buffer): boolean {
  return (
    content.subarray(0, 4).toString('latin1') === 'RIFF' &&
    content.subarray(8, 12).toString('latin1') === 'WEBP'
  );
}

/** Plain text: valid UTF-8 without NUL or other control bytes than tab, line feed, carriage return, form feed. */
function isPlainText(content: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  for (const byte of content) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

/**
 * The type of an attachment, judged by its content, never by its name: a renamed program stays a
 * program. Text is always served as text/plain, so a browser never runs it as a page or a script.
 * Returns a reason when the content is not accepted.
 */
export function detectAttachmentType(content: Buffer, filename: string): DetectedType | { refused: string } {
  for (const signature of SIGNATURES) {
    if (startsWith(content, signature.bytes, signature.offset)) return signature.type;
  }
  if (isWebp(content)) return { contentType: 'image/webp', kind: 'image' };
  if (isPlainText(content)) {
    const extension = filename.toLowerCase().split('.').pop() ?? '';
    const named = filename.includes('.') ? extension : 'txt';
    if (!TEXT_EXTENSIONS.has(named)) {
      return { refused: `text whose name ends in '.${named}', which is not a plain-text kind accepted here` };
    }
    return { contentType: 'text/plain; charset=utf-8', kind: 'text' };
  }
  return { refused: 'binary content of an unknown or unaccepted kind' };
}

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}
