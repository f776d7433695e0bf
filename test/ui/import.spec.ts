import path from 'node:path';
import { expect, test } from './fixtures';
import { openNav } from './steps';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/import/erp-windows1252.csv');

test('an ERP export is mapped, previewed with its access consequences, imported and undone', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 30 },
    seatQuota: null,
  });
  await openNav(page, t, 'nav.dataImport');
  await expect(page.getByRole('heading', { name: t('nav.dataImport') })).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles(FIXTURE);
  await expect(page.getByText(t('dataImport.fileRead', { rows: 5, columns: 13 }))).toBeVisible();
  // The mapping is suggested from the ERP's headers.
  await expect(
    page.getByRole('combobox', { name: t('dataImport.fieldOf', { header: 'Mietbeginn' }) }),
  ).not.toHaveValue(t('dataImport.skipColumn'));

  await page.getByRole('button', { name: t('dataImport.showPreview') }).click();
  await expect(page.getByText(t('dataImport.rows', { total: 5, imported: 5, rejected: 0 }))).toBeVisible();
  const effects = page.getByTestId('import-effect');
  await expect(effects.filter({ hasText: `${t('dataImport.effects.gained')}: 4` })).toBeVisible();
  await expect(effects.filter({ hasText: `${t('dataImport.effects.enteredWindow')}: 2` })).toBeVisible();

  await page.getByRole('button', { name: t('dataImport.commit_other', { count: 5 }) }).click();
  await expect(page.getByRole('button', { name: t('dataImport.restoreBefore') })).toBeVisible();

  const found = await invoke('contacts.list', { search: 'Weiß' });
  expect(found.items.map((c) => [c.referenceId, c.access.grant])).toEqual([['K-2', 'pre']]);
  await openNav(page, t, 'nav.contacts');
  await page.getByRole('textbox').first().fill('Weiß');
  await expect(page.getByText('K-2')).toBeVisible();

  await openNav(page, t, 'nav.dataImport');
  await page.getByRole('button', { name: t('dataImport.restoreBefore') }).click();
  await expect(page.getByText(t('dataImport.restored'))).toBeVisible();
  expect((await invoke('contacts.list', { search: 'Weiß' })).total).toBe(0);
});
