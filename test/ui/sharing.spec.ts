/**
 * The scenario of the sharing issue on the demo portfolio with a pinned day: a role-based share
 * warns about exactly the pre- and post-contract contacts of the property, shares with them
 * individually on request, and notifies every recipient.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { DATABASE_FILE } from '../../src-main/core/core';
import { resolveRoleShare } from '../../src-main/core/policy';
import { displayName, nameOfRow } from '../../src-main/core/services/portfolioViews';
import { SHARE_RECIPIENT_PAGE_SIZE } from '../../shared/contract/content';
import type { AccessSettings, ContactFacts, ContractFacts, RoleShareScope } from '../../shared/domain';
import type { ContactRow } from '../../src-main/core/db/contactRepository';
import { expect, test, TEST_TODAY, type T } from './fixtures';
import { demoContact, showcaseProperty } from './demo';
import { expectNoSeriousViolations } from './accessibility';
import { openShareDialogOfNew, savedExport } from './steps';

const WINDOWS: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 60 },
  seatQuota: null,
};

/**
 * Whom the pure policy says a role share reaches and skips ("all tenants of the showcase property"
 * unless told), with the contacts' names and the recipients in the dialog's order (sort_name, id).
 */
function policyResolution(
  dataDir: string,
  scope: RoleShareScope = { propertyId: showcaseProperty.id, unitIds: null, role: 'tenant' },
) {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const contacts = db
      .prepare<[], { id: number; archived: number }>('SELECT id, archived FROM contacts')
      .all()
      .map((row): ContactFacts => ({ id: row.id, archived: row.archived === 1, registered: false }));
    const contracts = db
      .prepare<[], ContractFacts>(
        `SELECT id, contact_id AS contactId, unit_id AS unitId, property_id AS propertyId, type,
                start_date AS start, end_date AS "end" FROM contracts`,
      )
      .all();
    const names = new Map(
      db
        .prepare<[], { id: number; first_name: string | null; last_name: string; title: string | null }>(
          'SELECT id, title, first_name, last_name FROM contacts',
        )
        .all()
        .map((row) => [row.id, [row.title, row.first_name, row.last_name].filter(Boolean).join(' ')]),
    );
    const rows = new Map(
      db
        .prepare<[], ContactRow>('SELECT * FROM contacts')
        .all()
        .map((row) => [row.id, row]),
    );
    const resolution = resolveRoleShare(scope, contacts, contracts, WINDOWS, TEST_TODAY);
    const byName = [...resolution.recipients].sort((a, b) => {
      const [x, y] = [rows.get(a)!.sort_name, rows.get(b)!.sort_name];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    return {
      ...resolution,
      name: (id: number) => names.get(id)!,
      /** The recipients' names as the dialog lists them. */
      recipientNames: byName.map((id) => displayName(nameOfRow(rows.get(id)!))),
    };
  } finally {
    db.close();
  }
}

async function chooseShowcase(page: Page, dialog: Locator, t: T) {
  await dialog.getByRole('radio', { name: t('sharing.role.tenant') }).check();
  const property = dialog.getByRole('combobox', { name: t('sharing.property') });
  // The content's own property may be chosen already (clicking it again would deselect it).
  if ((await property.inputValue()) !== showcaseProperty.name) {
    await property.click();
    await page.getByRole('option', { name: showcaseProperty.name }).click();
  }
}

test('the share dialog lists exactly the pre- and post-contract tenants, shares with them on request and notifies everyone', async ({
  launch,
  t,
}) => {
  const { page, invoke, dataDir } = await launch({ demo: true });
  await invoke('settings.updateAccess', WINDOWS);
  const expected = policyResolution(dataDir);
  expect(expected.skipped.some((s) => s.grant === 'pre')).toBe(true);
  expect(expected.skipped.some((s) => s.grant === 'post')).toBe(true);

  const { dialog, id } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'announcement',
    title: 'Wasserabstellung am 3. Dezember',
    propertyId: showcaseProperty.id,
    text: 'Am 3. Dezember wird von 8 bis 12 Uhr das Wasser abgestellt.',
  });
  await chooseShowcase(page, dialog, t);

  const n = expected.skipped.length;
  const warning = dialog.getByTestId('share-skipped-warning');
  await expect(warning).toContainText(t('sharing.skipped.title_other', { count: n }));
  const rows = warning.getByRole('table', { name: t('sharing.skipped.tableLabel') }).locator('tbody tr');
  await expect(rows).toHaveCount(n);
  for (const skipped of expected.skipped) {
    await expect(rows.filter({ hasText: expected.name(skipped.contactId) })).toHaveCount(1);
  }
  await expect(dialog.getByTestId('share-recipient-count')).toContainText(
    t('sharing.recipientCount_other', { count: expected.recipients.length }),
  );

  await dialog.getByLabel(t('sharing.skipped.alsoIndividually_other', { count: n })).check();
  // The recipient list names the role's recipients, then the contacts added one by one.
  await dialog.getByRole('button', { name: t('sharing.showRecipients') }).click();
  const listed = dialog.getByRole('table', { name: t('sharing.recipients') }).locator('tbody tr');
  await expect(listed).toHaveCount(expected.recipients.length + n);
  const lastRows = (await listed.locator('td:first-child').allTextContents()).slice(-n);
  expect(lastRows.sort()).toEqual(expected.skipped.map((s) => expected.name(s.contactId)).sort());
  await dialog.getByRole('button', { name: t('sharing.submit'), exact: true }).click();
  await expect(dialog.getByTestId('share-summary')).toContainText(
    t('sharing.summary.sharedWith_other', { count: expected.recipients.length + n }),
  );

  // Every recipient is notified: by e-mail, or by a letter in the Postausgang's print batch when it
  // has no e-mail address or prefers post.
  const everyone = [...expected.recipients, ...expected.skipped.map((s) => s.contactId)];
  const outbox = await invoke('outbox.list', { limit: 200 });
  const channelOf = new Map(outbox.items.map((item) => [item.contactId, item.channel]));
  for (const contactId of everyone) {
    const { contact } = await invoke('contacts.get', { id: contactId });
    const byLetter = contact.email === null || contact.preference === 'postal';
    expect(channelOf.get(contactId), `notification for ${contactId}`).toBe(byLetter ? 'letter' : 'email');
  }
  const english = demoContact('englishActiveTenant');
  if (everyone.includes(english.id)) {
    expect(outbox.items.find((item) => item.contactId === english.id)?.language).toBe('en');
  }

  // The content shows its shares: the role share and the individual ones.
  const content = await invoke('content.get', { id });
  expect(content.shares.length).toBe(1 + n);
});

test('"Empfänger anzeigen" lists the recipients by name, page by page', async ({ launch, t }) => {
  const { page, invoke, dataDir } = await launch({ demo: true });
  await invoke('settings.updateAccess', WINDOWS);
  // The demo's second property: more recipients than one page holds.
  const propertyId = showcaseProperty.id + 1;
  const names = policyResolution(dataDir, { propertyId, unitIds: null, role: 'all' }).recipientNames;
  expect(names.length).toBeGreaterThan(SHARE_RECIPIENT_PAGE_SIZE);
  expect(names.length).toBeLessThanOrEqual(2 * SHARE_RECIPIENT_PAGE_SIZE);
  const { dialog } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'announcement',
    title: 'Neue Müllabfuhrzeiten',
    propertyId,
    text: 'Ab Januar wird dienstags abgeholt.',
  });

  // The content's property and "Alle Kontakte" are chosen: the count is of all recipients.
  const total = names.length;
  await expect(dialog.getByTestId('share-recipient-count')).toContainText(
    t('sharing.recipientCount_other', { count: total }),
  );
  await dialog.getByRole('button', { name: t('sharing.showRecipients') }).click();
  const rows = dialog.getByRole('table', { name: t('sharing.recipients') }).locator('tbody tr');
  const range = dialog.getByTestId('share-recipients-range');
  const size = SHARE_RECIPIENT_PAGE_SIZE;
  await expect(range).toHaveText(t('app.pagination.range', { from: '1', to: String(size), total }));
  await expect(rows).toHaveCount(size);
  await expect(rows.first()).toContainText(names[0]!);
  await expect(rows.last()).toContainText(names[size - 1]!);

  await dialog.getByRole('button', { name: t('app.pagination.page', { page: 2 }) }).click();
  await expect(range).toHaveText(t('app.pagination.range', { from: String(size + 1), to: total, total }));
  await expect(rows).toHaveCount(names.length - size);
  await expect(rows.first()).toContainText(names[size]!);
  await expect(rows.last()).toContainText(names.at(-1)!);
  await expectNoSeriousViolations(page);

  await dialog.getByRole('button', { name: t('app.pagination.page', { page: 1 }) }).click();
  await expect(rows).toHaveCount(size);
  await expect(rows.first()).toContainText(names[0]!);
});

test('sharing individually with a contact without access is refused with the reason', async ({
  launch,
  t,
}) => {
  const app = await launch({ demo: true });
  const { page, invoke } = app;
  await invoke('settings.updateAccess', WINDOWS);
  const longGone = demoContact('longEndedRegistered');
  const { dialog, id } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'announcement',
    title: 'Hinweis zur Nebenkostenabrechnung',
    propertyId: null,
    text: 'Die Abrechnung folgt im März.',
  });
  await dialog.getByRole('radio', { name: t('sharing.mode.individual') }).check();
  const picker = dialog.getByRole('combobox', { name: t('sharing.contacts') });
  await picker.fill(longGone.lastName);
  await page.getByRole('option', { name: longGone.name }).click();
  const refused = dialog.getByTestId('share-refused');
  await expect(refused).toContainText(longGone.name);
  await expect(refused).toContainText(t('errors.NO_ACCESS'));
  await expect(dialog.getByRole('button', { name: t('sharing.submit'), exact: true })).toBeDisabled();
  // And through IPC directly: a coded refusal, nothing written.
  const direct = await app.refused('sharing.share', {
    contentId: id,
    target: { mode: 'individual', contactIds: [longGone.id] },
  });
  expect(direct).toMatchObject({ code: 'NO_ACCESS' });
  const content = await invoke('content.get', { id });
  expect(content.shares).toHaveLength(0);
});

test('SmartPost reaches pre- and post-contract contacts with a letter each', async ({ launch, t }) => {
  const { page, invoke, dataDir, shell } = await launch({ demo: true });
  await invoke('settings.updateAccess', WINDOWS);
  const expected = policyResolution(dataDir);
  const { dialog, id } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'smartpost',
    title: 'Ankündigung Heizungswartung',
    propertyId: showcaseProperty.id,
    template: '{{anrede}}\n\nin Ihrer Einheit {{einheit}} wird am 10.12. die Heizung gewartet.',
  });
  await expect(dialog.getByTestId('share-smartpost-hint')).toBeVisible();
  await chooseShowcase(page, dialog, t);
  await dialog.getByRole('button', { name: t('sharing.smartpost.fromRole') }).click();
  await dialog.getByRole('button', { name: t('sharing.submit'), exact: true }).click();
  const summary = dialog.getByTestId('share-summary');
  // Every letter is rendered before the summary shows: slow on a busy machine.
  await expect(summary).toContainText(t('sharing.summary.letters'), { timeout: 30_000 });
  // Written by the app into the file chosen in the save dialog (the page never holds it).
  const file = await savedExport(page, shell, () =>
    summary.getByRole('button', { name: t('sharing.summary.saveLetters') }).click(),
  );
  expect(path.basename(file)).toMatch(/^\d+-SmartPost-Ankündigung Heizungswartung\.pdf$/);

  const content = await invoke('content.get', { id });
  const reached = new Set(
    content.shares.map((share) => (share.target.mode === 'individual' ? share.target.contactId : null)),
  );
  for (const skipped of expected.skipped) expect(reached.has(skipped.contactId)).toBe(true);
  expect(content.shares.every((share) => share.target.mode === 'individual')).toBe(true);
});

test('the portal preview hides an individually shared item once the window has ended', async ({
  launch,
  t,
}) => {
  const { page, invoke, dataDir } = await launch({ demo: true });
  await invoke('settings.updateAccess', WINDOWS);
  const post = policyResolution(dataDir).skipped.find((s) => s.grant === 'post')!;
  const created = await invoke('content.create', {
    kind: 'announcement',
    title: 'Ihre Kaution',
    propertyId: showcaseProperty.id,
    text: 'Die Abrechnung Ihrer Kaution liegt bei.',
  });
  await invoke('sharing.share', {
    contentId: created.id,
    target: { mode: 'individual', contactIds: [post.contactId] },
  });

  await page.getByRole('button', { name: t('nav.contacts') }).click();
  const name = policyResolution(dataDir).name(post.contactId);
  await page.getByLabel(t('contacts.search')).fill(name.split(' ').at(-1)!);
  await page
    .getByRole('row', { name: new RegExp(name) })
    .first()
    .click();
  await page.getByRole('button', { name: t('portal.open') }).click();
  const items = page.getByTestId('portal-items');
  await expect(items).toContainText('Ihre Kaution');

  const [y, m, d] = post.windowEnd.split('-').map(Number);
  const after = new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
  await page.getByLabel(t('portal.day')).fill(after);
  await expect(page.getByTestId('portal-no-items')).toBeVisible();
  await expect(page.getByTestId('portal-login')).toContainText(t('portal.login.impossible'));
});

test('the contact list closes after a pick, so "Teilen" is reachable at 1024×700 (issue 13 item 16)', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  const tenant = demoContact('activeTenant');
  const { dialog } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'announcement',
    title: 'Wasserablesung',
    propertyId: null,
    text: 'Die Wasserzähler werden am Freitag abgelesen.',
  });
  await dialog.getByRole('radio', { name: t('sharing.mode.individual') }).check();
  const picker = dialog.getByRole('combobox', { name: t('sharing.contacts') });
  await picker.fill(tenant.referenceId);
  await page.getByRole('option', { name: tenant.name }).click();
  // The pick is made and the list is gone: nothing lies over the dialog's buttons.
  await expect(dialog.getByText(tenant.name, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  // Typing again opens it for the next pick.
  await picker.fill(demoContact('englishActiveTenant').referenceId);
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: t('sharing.submit'), exact: true }).click();
  await expect(dialog.getByTestId('share-summary')).toBeVisible();
});

test('a SmartPost letter can be read before sharing, filled for each chosen contact (issue 13 item 7)', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const [first, second] = [demoContact('activeTenant'), demoContact('englishActiveTenant')];
  const { dialog, id } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'smartpost',
    title: 'Ablesung Wasserzähler',
    propertyId: null,
    template: '{{anrede}}\n\nam {{datum}} lesen wir in {{liegenschaft}} die Wasserzähler ab.',
  });
  const picker = dialog.getByRole('combobox', { name: t('sharing.contacts') });
  for (const contact of [first, second]) {
    await picker.fill(contact.referenceId);
    await page.getByRole('option', { name: contact.name }).click();
  }
  const letter = dialog.getByRole('region', { name: t('sharing.smartpost.preview', { name: first.name }) });
  await expect(letter).toContainText('Ablesung Wasserzähler');
  await expect(letter).toContainText(first.lastName);
  await expect(letter).toContainText('die Wasserzähler ab.');
  await expect(letter).not.toContainText('{{');
  // The other chosen contact's letter, in their own words.
  await dialog.getByRole('combobox', { name: t('sharing.smartpost.previewFor') }).click();
  await page.getByRole('option', { name: second.name }).click();
  const other = dialog.getByRole('region', { name: t('sharing.smartpost.preview', { name: second.name }) });
  await expect(other).toContainText(second.lastName);
  await expect(other).not.toContainText('{{');
  // Reading a letter shares nothing.
  expect((await invoke('content.get', { id })).shares).toHaveLength(0);
});
