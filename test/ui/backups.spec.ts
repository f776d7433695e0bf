import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { showcaseProperty } from './demo';
import { expect, test, type T } from './fixtures';
import { openNav } from './steps';
import type { Invoke } from './harness';

const LATER_PROPERTY = 'Neubau nach der Sicherung';

async function openBackups(page: Page, t: T) {
  await openNav(page, t, 'nav.backups');
  await expect(page.getByRole('heading', { name: t('backups.title') })).toBeVisible();
}

/** The table's body rows, newest first. */
function backupRows(page: Page) {
  return page.getByTestId('backups-table').locator('tbody tr');
}

/** "Wiederherstellen" on the newest backup: its confirmation dialog. */
async function openRestoreConfirmation(page: Page, t: T) {
  await backupRows(page)
    .first()
    .getByRole('button', { name: t('backups.restore') })
    .click();
  return page.getByRole('dialog', { name: t('backups.confirm.title') });
}

async function addLaterProperty(invoke: Invoke) {
  await invoke('properties.create', {
    name: LATER_PROPERTY,
    referenceId: null,
    addresses: [{ street: 'Neue Straße', houseNo: '1', postcode: '10115', city: 'Berlin' }],
  });
}

test('a backup made on the page brings back the old state when it is restored', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  await openBackups(page, t);
  await expect(page.getByText(t('backups.empty.title'))).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: t('backups.create') }).click();
  await expect(backupRows(page)).toHaveCount(1);
  await expect(backupRows(page).first()).toContainText(t('backups.kind.manual'));
  const createdAt = (await backupRows(page).first().locator('td').first().textContent()) ?? '';
  await expect(page.getByText(t('backups.created', { date: createdAt }))).toBeVisible();

  await addLaterProperty(invoke);
  await openNav(page, t, 'nav.properties');
  await expect(page.getByRole('button', { name: LATER_PROPERTY })).toBeVisible();

  await openBackups(page, t);
  const dialog = await openRestoreConfirmation(page, t);
  await expect(dialog.getByText(t('backups.confirm.replaces', { date: createdAt }))).toBeVisible();
  await expect(dialog.getByText(t('backups.confirm.savedFirst'))).toBeVisible();
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: t('backups.restore') }).click();

  await expect(page.getByText(t('backups.restored', { date: createdAt }))).toBeVisible();
  await expect(dialog).toBeHidden();
  // The state just before the restore is now a backup of its own, listed first.
  await expect(backupRows(page)).toHaveCount(2);
  await expect(backupRows(page).first()).toContainText(t('backups.kind.beforeRestore'));

  await openNav(page, t, 'nav.properties');
  await expect(page.getByRole('button', { name: showcaseProperty.name })).toBeVisible();
  await expect(page.getByRole('button', { name: LATER_PROPERTY })).toHaveCount(0);
});

test('a damaged backup is refused with its reason and nothing is replaced', async ({ launch, t }) => {
  const { page, invoke, dataDir } = await launch({ demo: true });
  const created = await invoke('backups.create');
  const { name } = created;
  fs.writeFileSync(path.join(dataDir, 'backups', name), 'kein Datenbestand');
  await addLaterProperty(invoke);
  await openBackups(page, t);

  // Cancelling the confirmation does nothing either.
  const dialog = await openRestoreConfirmation(page, t);
  await dialog.getByRole('button', { name: t('app.cancel') }).click();
  await expect(dialog).toBeHidden();

  await openRestoreConfirmation(page, t);
  await dialog.getByRole('button', { name: t('backups.restore') }).click();
  await expect(page.getByText(t('errors.BACKUP_INVALID', { name }))).toBeVisible();
  await expect(backupRows(page)).toHaveCount(1);

  await openNav(page, t, 'nav.properties');
  await expect(page.getByRole('button', { name: LATER_PROPERTY })).toBeVisible();
});

test('a backup is deleted after its confirmation, and cancelling keeps it', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  const created = await invoke('backups.create');
  // A restore adds a "before restore" backup: two rows of different kinds, newest first.
  await invoke('backups.restore', { name: created.name });
  await openBackups(page, t);
  await expect(backupRows(page)).toHaveCount(2);
  const manual = backupRows(page).nth(1);
  await expect(manual).toContainText(t('backups.kind.manual'));
  const date = (await manual.locator('td').first().textContent()) ?? '';
  const deleteButton = manual.getByRole('button', { name: t('backups.deleteLabel', { date }) });
  const dialog = page.getByRole('dialog', { name: t('backups.deleteConfirm.title') });

  // By keyboard: Enter opens the confirmation, Escape cancels it and gives the focus back.
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  await expect(
    dialog.getByText(t('backups.deleteConfirm.which', { date, kind: t('backups.kind.manual') })),
  ).toBeVisible();
  await expect(dialog).toContainText(t('backups.deleteConfirm.final'));
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(backupRows(page)).toHaveCount(2);

  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: t('backups.deleteConfirm.accept') }).click();
  await expect(page.getByText(t('backups.deleted', { date }))).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(backupRows(page)).toHaveCount(1);
  await expect(backupRows(page).first()).toContainText(t('backups.kind.beforeRestore'));
});
