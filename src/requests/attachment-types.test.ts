import fc from 'fast-check';
import { expect, test } from 'vitest';
import { detectAttachmentType, safeFilename } from './attachment-types.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

test('an image is known by its bytes whatever its name', () => {
  expect(detectAttachmentType(PNG, 'notes.txt')).toEqual({ contentType: 'image/png', kind: 'image' });
  expect(detectAttachmentType(Buffer.from('%PDF-1.7\n'), 'x')).toMatchObject({
    contentType: 'application/pdf',
  });
});

test('a program named like a picture is refused', () => {
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);
  expect(detectAttachmentType(exe, 'cat.png')).toHaveProperty('refused');
  const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  expect(detectAttachmentType(elf, 'run.log')).toHaveProperty('refused');
});

test('text is served as text/plain, and only under a plain-text name', () => {
  expect(detectAttachmentType(Buffer.from('a,b\n1,2\n'), 'data.csv')).toMatchObject({ kind: 'text' });
  expect(detectAttachmentType(Buffer.from('<script>alert(1)</script>'), 'page.html')).toHaveProperty(
    'refused',
  );
  expect(detectAttachmentType(Buffer.from('<svg onload=x>'), 'pic.svg')).toHaveProperty('refused');
});

test('any bytes either get an allowed type or a reason, never something else', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 20 }), (bytes, name) => {
      const result = detectAttachmentType(Buffer.from(bytes), name);
      if ('refused' in result) expect(result.refused).toBeTruthy();
      else
        expect([
          'image/png',
          'image/jpeg',
          'image/gif',
          'image/webp',
          'application/pdf',
          'text/plain; charset=utf-8',
        ]).toContain(result.contentType);
    }),
  );
});

test('file names lose paths and quotes', () => {
  expect(safeFilename('../../etc/pass"wd')).toBe('passwd');
  expect(safeFilename('C:\\a\\b.txt')).toBe('b.txt');
  expect(safeFilename('')).toBe('attachment');
});
