import { describe, expect, it } from 'vitest';
import { LaunchArgumentError, parseLaunchArgs } from '../../../src-main/electron/args';
import { rendererFile, rendererHeaders } from '../../../src-main/electron/rendererFiles';
import { CONTENT_SECURITY_POLICY, isTrustedUrl } from '../../../src-main/electron/trustedOrigin';

describe('command line', () => {
  it('reads --data-dir, --today and --demo in both spellings', () => {
    expect(parseLaunchArgs(['app', '--data-dir', '/tmp/x', '--today=2027-01-31', '--demo'])).toEqual({
      dataDir: '/tmp/x',
      today: '2027-01-31',
      demo: true,
    });
    expect(parseLaunchArgs(['--no-sandbox'])).toEqual({ dataDir: null, today: null, demo: false });
  });

  it.each([['--today', '2026-02-30'], ['--today', '27.11.2026'], ['--data-dir'], ['--today']])(
    'refuses %s %s',
    (...argv) => {
      expect(() => parseLaunchArgs(argv)).toThrow(LaunchArgumentError);
    },
  );
});

describe('renderer files and origin', () => {
  it('serves files below the renderer folder only', () => {
    expect(rendererFile('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html');
    expect(rendererFile('/app/out/renderer', '/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    expect(rendererFile('/app/out/renderer', '/../../main/index.js')).toBeNull();
    expect(rendererFile('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(rendererFile('/app/out/renderer', '/%E0%A4%A')).toBeNull();
  });

  it('sends a strict CSP with every file', () => {
    const headers = rendererHeaders('/app/out/renderer/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(headers['Content-Type']).toContain('text/html');
  });

  it('trusts only app://portal', () => {
    expect(isTrustedUrl('app://portal/index.html')).toBe(true);
    expect(isTrustedUrl('app://portal.evil/index.html')).toBe(false);
    expect(isTrustedUrl('http://portal/')).toBe(false);
    expect(isTrustedUrl('not a url')).toBe(false);
    expect(isTrustedUrl(null)).toBe(false);
  });
});
