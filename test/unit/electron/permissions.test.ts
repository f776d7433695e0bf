/**
 * The session's permission handlers (electron/security.ts) against a fake session: the copy button
 * works (clipboard-sanitized-write for the app's own page), every other permission and every other
 * origin is denied.
 */
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyPermissions } from '../../../src-main/electron/security';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src-main/electron/trustedOrigin';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
  };
  denyPermissions(session as unknown as Session);
  const request = (permission: string, requestingUrl: string) => {
    let answer: boolean | undefined;
    handlers.request?.(null, permission, (granted) => (answer = granted), { requestingUrl });
    return answer;
  };
  const check = (permission: string, origin: string) => handlers.check?.(null, permission, origin);
  return { request, check };
}

describe('permissions', () => {
  it('grant the clipboard write to the app page, so copying an invitation code works', () => {
    const { request, check } = fakeSession();
    expect(request('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(check('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
  });

  it('deny everything else, and the clipboard to any other origin', () => {
    const { request, check } = fakeSession();
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal']) {
      expect(request(permission, APP_ENTRY_URL), permission).toBe(false);
      expect(check(permission, APP_ORIGIN), permission).toBe(false);
    }
    expect(request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'file://')).toBe(false);
  });
});
