/**
 * The Protokoll as a data-protection officer uses it: "who gave this contact access, and when?" —
 * filter by the contact and read sentences with names; filter by action and export what is shown
 * as a readable CSV (no codes, no JSON).
 */
import fs from 'node:fs';
import path from 'node:path';
import { auditTexts } from '../../src-main/core/services/auditLog/reader';
import { expectNoSeriousViolations } from './accessibility';
import { demoContact, showcaseProperty } from './demo';
import { expect, test, TEST_TODAY } from './fixtures';
import { openNav, savedExport } from './steps';

test('filtered by a contact, the Protokoll says who shared what with them, in words', async ({
  launch,
  t,
  appLocale,
}) => {
  // 25–30 s on 2 shared cores (demo, a share, filters, an export): it timed out at 30 s under load.
  test.setTimeout(60_000);
  const { page, invoke, shell } = await launch({ demo: true });
  const texts = auditTexts[appLocale];
  const contact = demoContact('tenantStartingSoon');
  const other = demoContact('activeTenant');
  const before = (await invoke('settings.getAccess')).postContract;
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 90 },
    seatQuota: null,
  });
  // The demo's showcase already shared with this contact: those rows stay, the new one comes first.
  const earlier = await invoke('auditLog.list', { contactId: contact.id, language: appLocale });
  const content = await invoke('content.create', {
    kind: 'announcement',
    title: 'Heizungswartung',
    propertyId: showcaseProperty.id,
    text: 'Am Montag wird die Heizung gewartet.',
  });
  await invoke('sharing.share', {
    contentId: content.id,
    target: { mode: 'individual', contactIds: [contact.id, other.id] },
  });

  await openNav(page, t, 'nav.auditLog');
  await page.getByRole('combobox', { name: t('auditLog.filters.contact') }).fill(contact.lastName);
  await page.getByRole('option', { name: contact.name }).click();
  await page.keyboard.press('Escape');
  const table = page.getByTestId('audit-table');
  const sentence =
    appLocale === 'de'
      ? `Freigabe ‚Heizungswartung‘ einzeln für ${contact.name} (vor Vertragsbeginn)`
      : `Shared ‘Heizungswartung’ individually with ${contact.name} (before contract start)`;
  await expect(table.getByRole('row')).toHaveCount(1 + earlier.total + 1);
  await expect(table.getByRole('row').nth(1)).toContainText(sentence);
  await expect(table).toContainText(texts.actions['sharing.share']);
  await expect(table).not.toContainText(other.name);
  await expectNoSeriousViolations(page);

  // By action instead: the settings change reads as before → after in words.
  await page.getByRole('button', { name: t('auditLog.reset') }).click();
  await page.getByRole('combobox', { name: t('auditLog.filters.action') }).click();
  await page.getByRole('option', { name: texts.actions['settings.updateAccess'] }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  const switched = before.enabled ? [] : [`${texts.off} → ${texts.on}`];
  const change = `${texts.fields.postContract}: ${[...switched, `${before.days} → ${texts.days(90)}`].join(', ')}`;
  await expect(table.getByRole('row').nth(1)).toContainText(change);

  // Written by the app into the file chosen in the save dialog (the page never holds it).
  const file = await savedExport(page, shell, () =>
    page.getByRole('button', { name: t('auditLog.export') }).click(),
  );
  expect(path.basename(file)).toContain(TEST_TODAY);
  const lines = fs.readFileSync(file, 'utf8').split('\r\n');
  expect(lines[0]).toBe(
    appLocale === 'de'
      ? '\uFEFFZeit;Person;Aktion;Objekt;Beschreibung'
      : '\uFEFFTime,Person,Action,Object,Description',
  );
  expect(lines.slice(1, -1)).toHaveLength(1);
  expect(lines[1]).toContain(change);
  expect(lines.join('\n')).not.toMatch(/[{}]|settings\.updateAccess|postContract/);
});
