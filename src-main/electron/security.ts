import type { Session, WebContents } from 'electron';
import { isTrustedUrl } from './trustedOrigin';

/** The app never navigates away or opens windows. */
export function denyNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The one permission the app's own page gets: writing (sanitised) text to the clipboard, which the
 * copy buttons (Mantine's CopyButton, e.g. an invitation code) need. Nothing for any other origin.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function granted(permission: string, url: string | undefined): boolean {
  return GRANTED.has(permission) && isTrustedUrl(url);
}

/** Every device permission denied; only the clipboard write of the app's own page is granted. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(granted(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    granted(permission, requestingOrigin),
  );
}
