/**
 * Screenshots for the README, through the same harness as the UI tests (built renderer + real
 * core in Chromium), on the demo portfolio with a pinned day. Writes docs/screenshots/*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../src-main/core/core';
import { launchApp } from '../test/ui/harness';
import { openNav, openShareDialogOfNew } from '../test/ui/steps';
import { loadMessages, message } from '../test/messages';

const TODAY = '2026-11-27';
const outDir = path.resolve(import.meta.dirname, '../docs/screenshots');
const IMPORT_SAMPLE = path.resolve(import.meta.dirname, '../test/fixtures/import/erp-windows1252.csv');

async function shoot(locale: 'de' | 'en'): Promise<void> {
  const messages = loadMessages(locale);
  const t = (key: string) => message(messages, key);
  const app = await launchApp({ demo: true, today: TODAY, locale });
  const { page } = app;
  try {
    await page.getByRole('heading', { name: t('overview.title') }).waitFor();
    await page.screenshot({ path: path.join(outDir, `${locale}-overview.png`) });

    await openNav(page, t, 'nav.accessSettings');
    await page.getByRole('switch', { name: t('settings.pre.label') }).check();
    await page.getByTestId('window-pre').getByLabel(t('settings.days')).fill('30');
    await page.getByLabel(t('settings.quota.label')).fill('250');
    await page.getByRole('switch', { name: t('settings.post.label') }).check();
    await page.getByTestId('window-post').getByLabel(t('settings.days')).fill('60');
    await page.screenshot({ path: path.join(outDir, `${locale}-access-settings.png`), fullPage: true });

    await page.getByRole('button', { name: t('app.save') }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(300); // let the modal's opening transition finish
    await page.screenshot({ path: path.join(outDir, `${locale}-confirm-post-contract.png`) });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('settings.confirm.accept') })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: t('app.dismissNotification') }).click();

    // The share dialog's warning: the reason the product exists.
    const { dialog } = await openShareDialogOfNew(page, t, app.invoke, {
      kind: 'announcement',
      title: locale === 'de' ? 'Wasserabstellung am 3. Dezember' : 'Water shut-off on 3 December',
      propertyId: 1,
      text:
        locale === 'de'
          ? 'Am 3. Dezember wird von 8 bis 12 Uhr das Wasser abgestellt.'
          : 'Water is off 8–12.',
    });
    await dialog.getByRole('radio', { name: t('sharing.role.tenant') }).check();
    await dialog.getByTestId('share-skipped-warning').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, `${locale}-share-warning.png`) });
    await dialog.getByRole('checkbox').last().check();
    await dialog.getByTestId('share-skipped-warning').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outDir, `${locale}-share-also-individually.png`) });
    await page.keyboard.press('Escape');

    const contact = await app.invoke('contacts.list', { search: 'Böhm' });
    const mover = contact.items[0];
    if (mover) {
      await openNav(page, t, 'nav.contacts');
      await page.getByLabel(t('contacts.search')).fill('Böhm');
      await page
        .getByRole('row', { name: new RegExp(mover.displayName) })
        .first()
        .click();
      await page.getByTestId('access-sentence').waitFor();
      await page.screenshot({ path: path.join(outDir, `${locale}-contact.png`), fullPage: true });
    }
    await openNav(page, t, 'nav.contacts');
    await page.getByLabel(t('contacts.search')).fill('');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `${locale}-contacts.png`) });

    await openNav(page, t, 'nav.dataProtection');
    await page.getByRole('heading', { name: t('dataProtection.title') }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `${locale}-data-protection.png`) });

    await app.invoke('backups.create');
    await openNav(page, t, 'nav.backups');
    await page.getByRole('heading', { name: t('backups.title') }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `${locale}-backups.png`) });

    // The Stammdaten-Import's dry run with its access consequences, from the sample ERP export.
    await openNav(page, t, 'nav.dataImport');
    await page.locator('input[type="file"]').setInputFiles(IMPORT_SAMPLE);
    await page.getByRole('button', { name: t('dataImport.showPreview') }).click();
    await page.getByTestId('import-effect').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `${locale}-import-preview.png`) });

    // The Protokoll: every change above as a sentence with names.
    await openNav(page, t, 'nav.auditLog');
    await page.getByRole('heading', { name: t('auditLog.title') }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, `${locale}-audit-log.png`) });

    // Administration › Team-Datenbank: a connection filled in and tested (the example server does not exist).
    await openNav(page, t, 'nav.teamDatabase');
    await page.getByRole('textbox', { name: t('team.host') }).fill('db.hausverwaltung.example');
    await page.getByRole('textbox', { name: t('team.database') }).fill('portal');
    await page.getByRole('textbox', { name: t('team.user') }).fill('portal_app');
    await page.getByLabel(t('team.password'), { exact: true }).fill('Beispiel-Passwort');
    await page.getByRole('button', { name: t('team.testConnection') }).click();
    await page.getByTestId('team-test-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outDir, `${locale}-team-database.png`) });
  } finally {
    await app.close();
  }

  // The start-up fault screen: the same data dir with its database file overwritten.
  fs.writeFileSync(path.join(app.dataDir, DATABASE_FILE), Buffer.alloc(64 * 1024, 'Kein SQLite. '));
  const damaged = await launchApp({ dataDir: app.dataDir, today: TODAY, locale });
  try {
    await damaged.page.getByRole('heading', { name: t('startup.faults.DATABASE_CORRUPT.title') }).waitFor();
    await damaged.page.screenshot({ path: path.join(outDir, `${locale}-startup-fault.png`) });
  } finally {
    await damaged.close();
  }
}

fs.mkdirSync(outDir, { recursive: true });
for (const locale of ['de', 'en'] as const) await shoot(locale);
console.log(`Screenshots written to ${path.relative(process.cwd(), outDir)}/`);
process.exit(0);
