import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/dates';
import { expect, test, type T } from './fixtures';
import { demoContact, demoFamily } from './demo';
import { savedExport } from './steps';

async function openContact(page: Page, t: T, search: string, name: string) {
  await page.getByRole('button', { name: t('nav.contacts') }).click();
  await page.getByLabel(t('contacts.search')).fill(search);
  await page
    .getByRole('row', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

function shifted(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Europe/Berlin calendar day of an instant. */
function berlinDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(instant));
}

function formatted(iso: string, locale: 'de' | 'en') {
  const [y, m, d] = iso.split('-');
  return locale === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

test('search finds a contact by name prefix with umlauts, and the detail explains the access', async ({
  launch,
  t,
}) => {
  const { page } = await launch({ demo: true });
  const tenant = demoContact('activeTenant');
  await openContact(page, t, tenant.lastName.slice(0, 3), tenant.name);
  await expect(page.getByTestId('access-sentence')).toHaveText(t('access.sentence.activeOpen'));
  await expect(page.getByRole('button', { name: t('invite.open') })).toBeEnabled();
});

test('search by e-mail and by reference id', async ({ launch, t }) => {
  const { page } = await launch({ demo: true });
  const tenant = demoContact('englishActiveTenant');
  await page.getByRole('button', { name: t('nav.contacts') }).click();
  await page.getByLabel(t('contacts.search')).fill(tenant.email!.slice(0, 8));
  await expect(page.getByRole('row', { name: new RegExp(tenant.name) })).toBeVisible();
  await page.getByLabel(t('contacts.search')).fill(tenant.referenceId);
  await expect(page.getByTestId('contacts-total')).toHaveText(t('contacts.count_one', { count: 1 }));
});

test('a tenant starting in months cannot be invited yet, and the page says from when', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const later = demoContact('tenantStartingLater');
  await openContact(page, t, later.lastName, later.name);
  await expect(page.getByRole('button', { name: t('invite.open') })).toBeDisabled();
  // Possible from the first day of the pre-contract window (the demo has it on).
  const { preContract } = await invoke('settings.getAccess');
  expect(preContract.enabled).toBe(true);
  const from = addDays(later.contracts[0]!.start_date, -preContract.days);
  await expect(page.getByTestId('invite-blocker')).toContainText(t('errors.OUTSIDE_ACCESS_WINDOW'));
  await expect(page.getByTestId('invite-blocker')).toContainText(
    t('invite.possibleFrom', { date: formatted(from, appLocale) }),
  );
});

test('a registered contact cannot be invited again', async ({ launch, t }) => {
  const { page } = await launch({ demo: true });
  const registered = demoContact('registeredActiveTenant');
  await openContact(page, t, registered.lastName, registered.name);
  await expect(page.getByRole('button', { name: t('invite.open') })).toBeDisabled();
  await expect(page.getByTestId('invite-blocker')).toHaveText(t('errors.ALREADY_REGISTERED'));
});

test('inviting by e-mail shows the code once and puts the mail in the outbox; the simulated registration registers', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const tenant = demoContact('activeTenant');
  await openContact(page, t, tenant.lastName, tenant.name);
  await page.getByRole('button', { name: t('invite.open') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: t('invite.channel.email') })).toBeChecked();
  await dialog.getByRole('button', { name: t('invite.submit') }).click();
  // The code is put into the e-mail when it is sent: the dialog shows none and says so.
  await expect(dialog.getByTestId('code-at-sending')).toHaveText(t('invite.codeAtSending'));
  await expect(dialog.getByTestId('invitation-code')).toHaveCount(0);
  await dialog.getByRole('button', { name: t('app.close') }).click();
  await expect(page.getByTestId('invitation-state')).toHaveText(t('invitation.state.pending'));
  // The summary names the delivery as a noun, on the Berlin calendar day it was made.
  const { invitation } = await invoke('contacts.get', { id: tenant.id });
  await expect(page.getByTestId('invitation-summary')).toHaveText(
    t('invite.summary.email', {
      created: formatted(berlinDay(invitation!.createdAt), appLocale),
      expires: formatted(invitation!.expiresOn, appLocale),
    }),
  );

  const outbox = await invoke('outbox.list', {});
  const queued = outbox.items.find((item) => item.recipient === tenant.email)!;
  // Not in the queued mail either: it shows the code masked.
  expect((await invoke('outbox.get', { id: queued.id })).textBody).toContain('••••-••••-••••');

  // A bare code (shown once) to simulate the registration with.
  const { code } = await invoke('invitations.create', { contactId: tenant.id, channel: 'code' });

  await page.getByRole('button', { name: t('simulation.open') }).click();
  await page.getByRole('dialog').getByLabel(t('simulation.code')).fill(code!);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('simulation.submit') })
    .click();
  await expect(page.getByTestId('invitation-state')).toHaveText(t('invitation.state.redeemed'));
  await expect(page.getByRole('button', { name: t('invite.open') })).toBeDisabled();
});

test('without an e-mail address the invitation goes by letter, saved as a PDF', async ({ launch, t }) => {
  const { page, shell } = await launch({ demo: true });
  const postal = demoContact('noEmail');
  await openContact(page, t, postal.lastName, postal.name);
  await page.getByRole('button', { name: t('invite.open') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: t('invite.channel.email') })).toBeDisabled();
  await expect(dialog.getByText(t('invite.noEmail'))).toBeVisible();
  await expect(dialog.getByRole('radio', { name: t('invite.channel.letter') })).toBeChecked();
  await dialog.getByRole('button', { name: t('invite.submit') }).click();
  // Written by the app into the file chosen in the save dialog (the page never holds it).
  const file = await savedExport(page, shell, () =>
    dialog.getByRole('button', { name: t('invite.saveLetter') }).click(),
  );
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a contract ending before it starts is refused at the field and nothing is saved', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const contact = demoContact('noContract');
  await openContact(page, t, contact.lastName, contact.name);
  await page.getByRole('button', { name: t('contract.create') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: t('contract.fields.property') }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('combobox', { name: t('contract.fields.unit') }).click();
  await page.getByRole('option').first().click();
  await dialog.getByLabel(t('contract.fields.number')).fill('MV-TEST-1');
  await dialog.getByLabel(t('contract.fields.start')).fill('2027-01-01');
  await dialog.getByLabel(t('contract.fields.end')).fill('2026-12-31');
  await dialog.getByRole('button', { name: t('app.save') }).click();
  await expect(dialog.getByText(t('errors.END_BEFORE_START'))).toBeVisible();
  const detail = await invoke('contacts.get', { id: contact.id });
  expect(detail.contracts).toHaveLength(0);
});

test('the access filter shows its counts and narrows the list', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 60 },
    seatQuota: null,
  });
  await page.getByRole('button', { name: t('nav.contacts') }).click();
  const pre = page.getByRole('group', { name: t('contacts.accessFilter') }).getByText(t('access.pre'));
  await pre.click();
  const soon = demoContact('tenantStartingSoon');
  await expect(page.getByRole('row', { name: new RegExp(soon.name) })).toBeVisible();
  const later = demoContact('tenantStartingLater');
  await expect(page.getByRole('row', { name: new RegExp(later.name) })).toHaveCount(0);
});

test('a family is named as its letters address it, in the list and on its page', async ({ launch, t }) => {
  const { page } = await launch({ demo: true });
  const family = demoFamily();
  await openContact(page, t, family.lastName, `Familie ${family.lastName}`);
});

test('the contract timeline shows the window the settings give, from the day the core computes', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: false, days: 30 },
    seatQuota: null,
  });
  const soon = demoContact('tenantStartingSoon');
  await openContact(page, t, soon.lastName, soon.name);
  const preFrom = shifted(soon.contracts[0]!.start_date, -30);
  const timeline = page.getByRole('img', {
    name: t('timeline.pre', { from: formatted(preFrom, appLocale) }),
  });
  await expect(timeline.locator('[data-window="pre"]')).toHaveCount(1);
  await expect(timeline.locator('[data-window="post"]')).toHaveCount(0);
});
