/** Steps that several UI tests take, and the README screenshots with them. */
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AccessSettings } from '../../shared/domain';
import type { Request } from '../../shared/ipc';
import type { MessageKey } from '../../src-renderer/src/i18n/resources';
import type { T } from './fixtures';
import type { Invoke, RecordedShell } from './harness';

/** Opens a page from the side navigation by its label's key, e.g. `nav.contents`. */
export async function openNav(page: Page, t: T, key: MessageKey): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: t(key) })
    .click();
}

/**
 * Creates a content item through the core (`input` as `content.create` takes it), opens it from
 * Inhalte and opens its share dialog.
 */
export async function openShareDialogOfNew(
  page: Page,
  t: T,
  invoke: Invoke,
  input: Request<'content.create'>,
): Promise<{ dialog: Locator; id: number }> {
  const created = await invoke('content.create', input);
  await openNav(page, t, 'nav.contents');
  await page.getByRole('button', { name: created.title }).click();
  await page
    .getByRole('button', { name: t('sharing.open') })
    .first()
    .click();
  return { dialog: page.getByRole('dialog'), id: created.id };
}

/**
 * The export that `start` (a click) makes the app write into the file "chosen" in the save dialog
 * (the harness answers a new file per export): waits for the success message naming that file;
 * its path.
 */
export async function savedExport(
  page: Page,
  shell: RecordedShell,
  start: () => Promise<void>,
): Promise<string> {
  const count = shell.savedFiles.length;
  await start();
  await expect.poll(() => shell.savedFiles.length).toBe(count + 1);
  const file = shell.savedFiles.at(-1)!;
  await expect(page.getByText(path.basename(file), { exact: false })).toBeVisible();
  return file;
}

/**
 * Switches both access windows off (the demo has them on), keeping their days and the seat quota,
 * so that a test can switch one on through the UI; the settings saved.
 */
export async function switchWindowsOff(invoke: Invoke): Promise<AccessSettings> {
  const access = await invoke('settings.getAccess');
  return invoke('settings.updateAccess', {
    ...access,
    preContract: { ...access.preContract, enabled: false },
    postContract: { ...access.postContract, enabled: false },
  });
}

/**
 * The switch of an access window on Rollen & Zugriffsrechte, by the start of its name: a switch's
 * name holds its description too, and the automation card's descriptions mention the windows.
 */
export function windowSwitch(page: Page, t: T, window: 'pre' | 'post'): Locator {
  const label = t(window === 'pre' ? 'settings.pre.label' : 'settings.post.label');
  return page.getByRole('switch', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}
