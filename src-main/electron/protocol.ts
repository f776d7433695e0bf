import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { rendererFile, rendererHeaders } from './rendererFiles';
import { APP_HOST, APP_SCHEME } from './trustedOrigin';

/** Must run before `app.ready`: app:// behaves like https (secure, standard, fetch-capable). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rootDir` at app://portal, with the CSP on every response. */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? rendererFile(rootDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await fs.readFile(file), { headers: rendererHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
