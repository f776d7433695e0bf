/**
 * Every screen and its dialogs at 1280×820 and 1024×700: each button, link and input can be
 * scrolled into view and then lies inside the window, clipped by no ancestor (issue 13: "Vertrag
 * beenden" cut off by its card, "Speichern" below the window). The demo portfolio with both access
 * windows on, so timelines, badges and warnings are as wide as they get.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoContact, showcaseProperty } from './demo';
import type { Invoke } from './harness';
import { expectEverythingReachable } from './layout';
import { openNav, switchWindowsOff, windowSwitch } from './steps';

// Several screens per launch, each at two sizes.
test.describe.configure({ timeout: 120_000 });

async function withWindows(invoke: Invoke) {
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 60 },
    seatQuota: null,
  });
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Opens a dialog with the button named `name`, checks it, closes it. */
async function checkDialog(page: Page, name: string, where: string) {
  await page.getByRole('button', { name, exact: true }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectEverythingReachable(page, where);
  await closeDialog(page);
}

test('overview, contacts, a contact with several contracts and its dialogs, portal preview', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await withWindows(invoke);
  await expect(page.getByTestId('seats')).toBeVisible();
  await expectEverythingReachable(page, 'overview');

  await openNav(page, t, 'nav.contacts');
  await expect(page.getByRole('row').nth(5)).toBeVisible();
  await expectEverythingReachable(page, 'contacts');
  await checkDialog(page, t('contact.create'), 'new contact');

  // A tenant moving within one property: two contracts, "Bearbeiten" and "Vertrag beenden" on each row.
  const tenant = demoContact('tenantStartingSoon');
  await page.getByLabel(t('contacts.search')).fill(tenant.lastName);
  await page
    .getByRole('row', { name: new RegExp(tenant.name) })
    .first()
    .click();
  await expect(page.getByTestId('contract-timeline').first()).toBeVisible();
  await expectEverythingReachable(page, 'contact');
  await checkDialog(page, t('app.edit'), 'edit contact');
  await checkDialog(page, t('contract.create'), 'new contract');
  // The contact's own "Bearbeiten" comes first; the contract's sits in the contracts table.
  await page
    .getByRole('table')
    .getByRole('button', { name: t('app.edit'), exact: true })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectEverythingReachable(page, 'edit contract');
  await closeDialog(page);
  await checkDialog(page, t('invite.open'), 'invite contact');

  await page.getByRole('button', { name: t('portal.open') }).click();
  await expect(page.getByTestId('portal-access-sentence')).toBeVisible();
  await expectEverythingReachable(page, 'portal preview');
});

test('properties, a property and its dialogs', async ({ launch, t }) => {
  const { page } = await launch({ demo: true });
  await openNav(page, t, 'nav.properties');
  await expect(page.getByRole('button', { name: showcaseProperty.name })).toBeVisible();
  await expectEverythingReachable(page, 'properties');
  await checkDialog(page, t('properties.create'), 'new property');

  await page.getByRole('button', { name: showcaseProperty.name }).click();
  await expect(page.getByRole('heading', { name: showcaseProperty.name, level: 2 })).toBeVisible();
  await expectEverythingReachable(page, 'property');
  await checkDialog(page, t('properties.units.create'), 'new unit');
  await page.getByRole('button', { name: t('properties.detail.invite') }).click();
  await expect(page.getByTestId('invite-ineligible')).toBeVisible();
  await expectEverythingReachable(page, 'property invite');
  await closeDialog(page);
});

test('contents, the content form, a content item and its share dialog', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  await withWindows(invoke);
  const created = await invoke('content.create', {
    kind: 'announcement',
    title: 'Wasserabstellung am 3. Dezember',
    propertyId: showcaseProperty.id,
    text: 'Am 3. Dezember wird von 8 bis 12 Uhr das Wasser abgestellt.',
  });
  await openNav(page, t, 'nav.contents');
  await expect(page.getByTestId('content-table')).toBeVisible();
  await expectEverythingReachable(page, 'contents');
  await page.getByRole('button', { name: t('content.new.menu') }).click();
  await page.getByRole('menuitem', { name: t('content.new.appointment') }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectEverythingReachable(page, 'new appointment');
  await closeDialog(page);

  await page.getByRole('button', { name: created.title }).click();
  await expect(page.getByText(t('sharing.notShared'))).toBeVisible();
  await expectEverythingReachable(page, 'content');
  await page
    .getByRole('button', { name: t('sharing.open') })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: t('sharing.role.tenant') }).check();
  await expect(dialog.getByTestId('share-skipped-warning')).toBeVisible();
  await expectEverythingReachable(page, 'share dialog');
});

test('outbox, access settings, mail settings, data protection, audit log, backups', async ({ launch, t }) => {
  // The demo's showcase leaves invitation and share e-mails waiting in the Postausgang.
  const { page, invoke } = await launch({ demo: true });
  await openNav(page, t, 'nav.outbox');
  await expect(page.getByTestId('outbox-table').locator('tbody tr').first()).toBeVisible();
  await expectEverythingReachable(page, 'outbox');

  // Both windows off first (the demo has them on), so that switching one on leaves the page changed.
  await switchWindowsOff(invoke);
  await openNav(page, t, 'nav.accessSettings');
  await expect(windowSwitch(page, t, 'post')).toBeVisible();
  await windowSwitch(page, t, 'post').check();
  await expectEverythingReachable(page, 'access settings');
  await page.getByRole('button', { name: t('app.discard') }).click();

  await openNav(page, t, 'nav.mailSettings');
  await expect(page.getByRole('button', { name: t('mail.test.open') })).toBeVisible();
  await expectEverythingReachable(page, 'mail settings');
  await checkDialog(page, t('mail.test.open'), 'test mail');

  for (const [key, where] of [
    ['nav.dataProtection', 'data protection'],
    ['nav.auditLog', 'audit log'],
    ['nav.backups', 'backups'],
    ['nav.teamDatabase', 'team database'],
  ] as const) {
    await openNav(page, t, key);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expectEverythingReachable(page, where);
  }
});
