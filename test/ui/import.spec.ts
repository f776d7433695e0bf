import fs from 'node:fs';
import path from 'node:path';
import { importTexts } from '../../shared/importTexts';
import { expect, test } from './fixtures';
import { openNav, savedExport } from './steps';

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

test('the contacts list as filtered is exported and imports again without a change', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke, shell } = await launch({ demo: true });
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 60 },
    postContract: { enabled: false, days: 30 },
    seatQuota: null,
  });
  await openNav(page, t, 'nav.contacts');
  await page
    .getByRole('group', { name: t('contacts.accessFilter') })
    .getByText(t('access.pre'))
    .click();
  const listed = await invoke('contacts.list', { access: 'pre' });
  await page.getByRole('button', { name: t('contacts.export') }).click();
  // Written by the app into the file chosen in the save dialog (the page never holds it).
  const saved = await savedExport(page, shell, () =>
    page.getByRole('menuitem', { name: t('contacts.exportCsv') }).click(),
  );
  await expect(
    page.getByText(t('contacts.exported_other', { count: listed.total, fileName: path.basename(saved) })),
  ).toBeVisible();
  const lines = fs.readFileSync(saved, 'utf8').trim().split('\r\n');
  // Only the contacts before their contract start, each with the access the list shows.
  expect(lines.slice(1).every((line) => line.includes(t('access.pre')))).toBe(true);

  await openNav(page, t, 'nav.dataImport');
  await page.locator('input[type="file"]').setInputFiles({
    name: path.basename(saved),
    mimeType: 'text/csv',
    buffer: fs.readFileSync(saved),
  });
  const rows = lines.length - 1;
  await page.getByRole('button', { name: t('dataImport.showPreview') }).click();
  await expect(
    page.getByText(t('dataImport.rows', { total: rows, imported: rows, rejected: 0 })),
  ).toBeVisible();
  const counts = page.getByTestId('import-counts');
  for (const level of ['property', 'unit', 'contact', 'contract'] as const) {
    // Nothing new, nothing changed, nothing rejected: every record of the file is unchanged.
    const name = new RegExp(`^${importTexts[appLocale].levels[level]} 0 0 [1-9]\\d* 0$`);
    await expect(counts.getByRole('row', { name })).toBeVisible();
  }
});

test('a large file shows its progress and can be cancelled without a change', async ({ launch, t }) => {
  test.setTimeout(120_000);
  const { page, invoke } = await launch({ demo: true });
  const lines = ['Objekt-Nr.;WE-Nr.;Vertragsart;Vertrags-Nr.;Mietbeginn;Personen-Nr.;Nachname'];
  for (let i = 1; i <= 40_000; i++)
    lines.push(`G-${i % 50};G-${i % 50}-W${i};M;V-${i};01.01.2020;GK-${i};Groß ${i}`);
  const before = await invoke('portfolio.overview', undefined);
  await openNav(page, t, 'nav.dataImport');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'gross.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n'), 'utf8'),
  });
  await expect(page.getByText(t('dataImport.fileRead', { rows: 40_000, columns: 7 }))).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: t('dataImport.showPreview') }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await progress.getByRole('button', { name: t('app.cancel') }).click();
  await expect(page.getByText(t('errors.IMPORT_CANCELLED'))).toBeVisible();
  await expect(progress).toBeHidden();
  expect(await invoke('portfolio.overview', undefined)).toEqual(before);
});

test('contracts missing from a complete export are listed and ended on the day the manager chooses', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await openNav(page, t, 'nav.dataImport');
  await page.locator('input[type="file"]').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: t('dataImport.showPreview') }).click();
  await page.getByRole('button', { name: t('dataImport.commit_other', { count: 5 }) }).click();
  await expect(page.getByRole('button', { name: t('dataImport.restoreBefore') })).toBeVisible();

  // The next export of Lindenhof names only Herr Müller's two contracts: Frau Weiß's (starts
  // 01.12.2026) and Hausbau GmbH's (open-ended) run on in the app; the Schröders' ended already.
  const lines = fs.readFileSync(FIXTURE, 'latin1').trim().split('\r\n');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'lindenhof-dezember.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.slice(0, 3).join('\r\n'), 'latin1'),
  });
  await page.getByRole('button', { name: t('dataImport.showPreview') }).click();
  const missing = page.getByTestId('import-missing');
  await expect(missing.getByText(t('dataImport.missing_other', { count: 2 }))).toBeVisible();
  await expect(missing.getByRole('listitem')).toHaveText([/Weiß.* V-2 /, /Hausbau GmbH.* V-3 /]);

  const day = appLocale === 'de' ? '31.12.2026' : '31/12/2026';
  const field = missing.getByRole('textbox', { name: t('dataImport.endMissingOn') });
  await field.fill(day);
  await field.blur();
  await missing.getByRole('button', { name: t('dataImport.endMissing_other', { count: 2 }) }).click();
  await expect(missing.getByText(t('dataImport.missingEnding_other', { count: 2, date: day }))).toBeVisible();
  await page.getByRole('button', { name: t('dataImport.commit_other', { count: 2 }) }).click();
  await expect(page.getByText(t('dataImport.committed_other', { count: 2 }))).toBeVisible();

  const ends = async (search: string, referenceId: string) => {
    const { items } = await invoke('contacts.list', { search });
    const contact = items.find((c) => c.referenceId === referenceId);
    const detail = await invoke('contacts.get', { id: contact?.id ?? 0 });
    return detail.contracts.map((k) => [k.number, k.end]);
  };
  expect(await ends('Weiß', 'K-2')).toEqual([['V-2', '2026-12-31']]);
  expect(await ends('Hausbau', 'K-3')).toEqual([['V-3', '2026-12-31']]);
  // Named in the file: left as they are.
  expect(await ends('Müller', 'K-1')).toEqual([
    ['V-1', '2026-12-31'],
    ['V-5', null],
  ]);
});
