/**
 * How the built renderer is served: file lookup below the output folder and response headers.
 * Electron-free, so the Electron protocol handler and the UI test harness serve it identically.
 */
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './trustedOrigin';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The file for a URL path, or null when the path escapes `rootDir`. */
export function rendererFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Every response carries the CSP and no MIME sniffing. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
