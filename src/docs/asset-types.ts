import { extname } from 'node:path';

const IMAGES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * How a docs file is served. Images are shown inline; anything else is a download, so an HTML file
 * in a docs folder can never run as a page of the portal. SVG may hold script: it is sandboxed.
 */
export function assetHeaders(path: string): Record<string, string> {
  const type = IMAGES[extname(path).toLowerCase()];
  const common = { 'x-content-type-options': 'nosniff', 'cache-control': 'private, max-age=300' };
  if (!type) {
    const name =
      path
        .split('/')
        .pop()
        ?.replace(/[^\w.-]/g, '_') ?? 'file';
    return {
      ...common,
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${name}"`,
    };
  }
  return {
    ...common,
    'content-type': type,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
}
