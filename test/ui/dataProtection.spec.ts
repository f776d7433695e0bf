import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DeletionCandidatePage } from '../../shared/ipc';
import { addDays } from '../../shared/dates';
import { auditTexts } from '../../src-main/core/services/auditLog/reader';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test, TEST_TODAY, type T } from './fixtures';
import type { Invoke } from './harness';
import { savedExport } from './steps';

async function candidates(invoke: Invoke, limit: number): Promise<DeletionCandidatePage> {
  return await invoke('dataProtection.candidates', { limit });
}

async function openPage(page: Page, t: T, nav: 'dataProtection' | 'auditLog') {
  await page.getByRole('button', { name: t(`nav.${nav}`), exact: true }).click();
  await expect(page.getByRole('heading', { name: t(`${nav}.title`), level: 2 })).toBeVisible();
}

test('deletion candidates: select two, confirm, and they are anonymised everywhere', async ({
  launch,
  t,
  appLocale,
}) => {
  // Three axe passes, a cancelled and a confirmed dialog, and four screens checked: 20–28 s on a
  // quiet 2-core machine, over 60 s when it is shared (the first axe pass alone took 40 s).
  test.setTimeout(120_000);
  const { page, invoke } = await launch({ demo: true });
  const chosen = (await candidates(invoke, 2)).items;
  await openPage(page, t, 'dataProtection');
  const table = page.getByTestId('candidates-table');
  for (const candidate of chosen) await expect(table).toContainText(candidate.displayName);
  await expectNoSeriousViolations(page);

  const anonymise = page.getByRole('button', {
    name: t('dataProtection.candidates.anonymise_zero'),
  });
  await expect(anonymise).toBeDisabled();
  for (const candidate of chosen) {
    await page
      .getByRole('checkbox', { name: t('dataProtection.candidates.select', { name: candidate.displayName }) })
      .check();
  }
  await page
    .getByRole('button', { name: t('dataProtection.candidates.anonymise_other', { count: 2 }) })
    .click();

  const dialog = page.getByRole('dialog', {
    name: t('dataProtection.confirm.title_other', { count: 2 }),
  });
  await expect(dialog.getByTestId('anonymise-names')).toHaveText(chosen.map((c) => c.displayName).join(', '));
  await expect(dialog).toContainText(t('dataProtection.confirm.final'));
  // Backups still hold the data: the dialog says so, and where to delete them.
  await expect(dialog).toContainText(
    t('dataProtection.confirm.backups', { where: `${t('nav.administration')} › ${t('nav.backups')}` }),
  );
  await expectNoSeriousViolations(page);
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: t('app.cancel') }).click();
  await expect(dialog).toBeHidden();
  await expect(table).toContainText(chosen[0]!.displayName);

  await page
    .getByRole('button', { name: t('dataProtection.candidates.anonymise_other', { count: 2 }) })
    .click();
  await dialog.getByRole('button', { name: t('dataProtection.confirm.accept_other', { count: 2 }) }).click();
  await expect(page.getByText(t('dataProtection.done_other', { count: 2 }))).toBeVisible();
  for (const candidate of chosen) await expect(table).not.toContainText(candidate.displayName);

  // The contact list shows them anonymised (and archived); their old reference ids find no one.
  await page.getByRole('button', { name: t('nav.contacts'), exact: true }).click();
  await page.getByLabel(t('contacts.includeArchived')).check();
  await page.getByLabel(t('contacts.search')).fill(chosen[0]!.referenceId);
  await expect(page.getByTestId('contacts-total')).toHaveText(t('contacts.count_other', { count: 0 }));
  await page.getByLabel(t('contacts.search')).fill('Anonymisiert');
  const anonymised = `Anonymisiert #${chosen[0]!.id}`;
  await page.getByRole('row', { name: new RegExp(`${anonymised}\\b`) }).click();
  await expect(page.getByRole('heading', { name: anonymised, level: 2 })).toBeVisible();

  // Its page is read-only: it says since when, and offers nothing that would change or invite it.
  const day = TEST_TODAY.split('-')
    .reverse()
    .join(appLocale === 'de' ? '.' : '/');
  await expect(page.getByTestId('anonymised-notice')).toHaveText(
    t('contact.anonymised.notice', { date: day }),
  );
  await expect(page.getByRole('button', { name: t('portal.open') })).toBeVisible();
  for (const action of [
    'invite.open',
    'app.edit',
    'contact.unarchive',
    'contract.create',
    'contract.end',
    'simulation.open',
  ] as const) {
    await expect(page.getByRole('button', { name: t(action), exact: true }), action).toHaveCount(0);
  }
  await expectNoSeriousViolations(page);
});

test('the retention period is checked at the field and changes the candidates', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  await openPage(page, t, 'dataProtection');
  const field = page.getByLabel(t('dataProtection.retention.label'));
  const save = page.getByRole('button', { name: t('app.save') });
  await expect(field).toHaveValue('24');
  await field.fill('121');
  await expect(page.getByText(t('errors.RETENTION_OUT_OF_RANGE'))).toBeVisible();
  await expect(save).toBeDisabled();

  await field.fill('120');
  await save.click();
  await expect(page.getByText(t('dataProtection.retention.saved'))).toBeVisible();
  const { total } = await candidates(invoke, 1);
  await expect(page.getByTestId('candidates-summary')).toContainText(String(total));
  await expect(page.getByTestId('candidates-summary')).toContainText('120');
});

test('the audit log lists the anonymisation and exports the chosen days as CSV', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke, shell } = await launch({ demo: true });
  const candidate = (await candidates(invoke, 1)).items[0]!;
  await invoke('dataProtection.anonymise', { contactIds: [candidate.id] });

  await openPage(page, t, 'auditLog');
  const firstRow = page.getByTestId('audit-table').getByRole('row').nth(1);
  const texts = auditTexts[appLocale];
  await expect(firstRow).toContainText(texts.actions['dataProtection.anonymise']);
  await expect(firstRow).toContainText(`#${candidate.id}`);
  await expectNoSeriousViolations(page);

  // With the pinned day (--today), audit rows carry that day: the range of that day holds them.
  await page.getByLabel(t('auditLog.to')).fill(addDays(TEST_TODAY, -2));
  await page.getByLabel(t('auditLog.from')).fill(addDays(TEST_TODAY, -1));
  await expect(page.getByText(t('errors.INVALID_DATE_RANGE'))).toBeVisible();
  await page.getByLabel(t('auditLog.from')).fill(TEST_TODAY);
  await page.getByLabel(t('auditLog.to')).fill(TEST_TODAY);
  await expect(firstRow).toContainText(texts.actions['dataProtection.anonymise']);

  const file = await savedExport(page, shell, () =>
    page.getByRole('button', { name: t('auditLog.export') }).click(),
  );
  expect(path.basename(file)).toContain(TEST_TODAY);
  const csv = fs.readFileSync(file, 'utf8');
  const header =
    appLocale === 'de' ? 'Zeit;Person;Aktion;Objekt;Beschreibung' : 'Time,Person,Action,Object,Description';
  expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
  expect(csv).toContain(texts.actions['dataProtection.anonymise']);
  expect(csv).not.toContain('dataProtection.anonymise');
  expect(csv).not.toContain(candidate.displayName);
});
