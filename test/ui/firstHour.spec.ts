/**
 * Issue 13, "the first hour of a real Hausverwaltung": what a property manager sees on the contact
 * page's contracts (1), in the contacts list and the contact pickers (4), and before a click with
 * consequences (10).
 */
import type { Page } from '@playwright/test';
import { expect, test, type T } from './fixtures';
import { demoContact, placeOf } from './demo';
import { openNav, openShareDialogOfNew } from './steps';

// Several steps per test, on a machine other work shares.
test.describe.configure({ timeout: 90_000 });

async function openContact(page: Page, t: T, search: string, name: string) {
  await openNav(page, t, 'nav.contacts');
  await page.getByLabel(t('contacts.search')).fill(search);
  await page
    .getByRole('row', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

test('a tenant moving between two units of one property: both units named, every button inside the card', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await invoke('settings.updateAccess', {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 60 },
    seatQuota: null,
  });
  const mover = demoContact('mover');
  await openContact(page, t, mover.lastName, mover.name);
  const units = mover.contracts.map((contract) => {
    const place = placeOf(contract);
    return `${place.unitNumber} · ${place.unitName}`;
  });
  await expect(page.getByTestId('contract-unit')).toHaveText(units);
  expect(new Set(units).size).toBe(2);
  await expect(page.getByTestId('timeline-legend')).toContainText(t('timeline.legendStart'));

  const table = page.getByTestId('contracts-table');
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1280, height: 820 },
  ]) {
    await page.setViewportSize(size);
    const card = (await table.boundingBox())!;
    for (const button of await table.getByRole('button').all()) {
      await button.focus();
      const box = (await button.boundingBox())!;
      expect(box.x, await button.innerText()).toBeGreaterThanOrEqual(card.x);
      expect(box.x + box.width, await button.innerText()).toBeLessThanOrEqual(card.x + card.width + 0.5);
    }
    // Focus moved nothing sideways, and no access badge is cut short ("Vor Vertrag…").
    expect((await table.boundingBox())!.x).toBe(card.x);
    for (const label of await table.locator('.mantine-Badge-label').all()) {
      const cut = await label.evaluate('this.scrollWidth > this.clientWidth', undefined);
      expect(cut, await label.innerText()).toBe(false);
    }
  }
});

test('the contacts list names property and unit; the share picker finds a contact by first name', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  const tenant = demoContact('activeTenant');
  const place = placeOf(tenant.contracts[0]!);
  await openNav(page, t, 'nav.contacts');
  await expect(page.getByRole('columnheader', { name: t('contacts.columns.place') })).toBeVisible();
  await page.getByLabel(t('contacts.search')).fill(tenant.referenceId);
  await expect(
    page.getByRole('row', { name: new RegExp(tenant.name) }).getByTestId('contact-place'),
  ).toHaveText(`${place.propertyName} · ${place.unitNumber} · ${place.unitName}`);

  const { dialog } = await openShareDialogOfNew(page, t, invoke, {
    kind: 'announcement',
    title: 'Treppenhausreinigung',
    propertyId: null,
    text: 'Ab Januar reinigt eine neue Firma das Treppenhaus.',
  });
  await dialog.getByRole('radio', { name: t('sharing.mode.individual') }).check();
  await dialog.getByRole('combobox', { name: t('sharing.contacts') }).fill(tenant.firstName!);
  const option = page.getByRole('option', { name: new RegExp(tenant.name) });
  await expect(option).toBeVisible();
  await expect(option).toContainText(place.propertyName);
  await option.click();
  // A click elsewhere closes the list: it covers neither "Teilen" nor anything else.
  await dialog.getByRole('heading').first().click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
});

test('an empty data store says how to begin, not "adjust the search"', async ({ launch, t }) => {
  const { page, invoke } = await launch();
  await invoke('app.chooseFirstStart', 'empty');
  await page.reload();
  await openNav(page, t, 'nav.contacts');
  await expect(page.getByTestId('contacts-empty')).toHaveText(t('contacts.emptyDatabase'));
  await page.getByLabel(t('contacts.search')).fill('Jens');
  await expect(page.getByTestId('contacts-empty')).toHaveText(t('contacts.empty'));
});

test('archiving a registered tenant with access asks first and names what is lost', async ({ launch, t }) => {
  const { page } = await launch({ demo: true });
  const tenant = demoContact('registeredActiveTenant');
  await openContact(page, t, tenant.lastName, tenant.name);
  await page.getByRole('button', { name: t('contact.archive') }).click();
  const dialog = page.getByRole('dialog', { name: t('contact.archiveConfirm.title', { name: tenant.name }) });
  await expect(dialog.getByTestId('archive-consequences')).toContainText(
    t('contact.archiveConfirm.access', { access: t('access.active') }),
  );
  await expect(dialog.getByTestId('archive-consequences')).toContainText(
    t('contact.archiveConfirm.registered'),
  );
  await dialog.getByRole('button', { name: t('app.cancel') }).click();
  await expect(page.getByTestId('access-sentence')).toHaveText(t('access.sentence.activeOpen'));

  await page.getByRole('button', { name: t('contact.archive') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('contact.archive') })
    .click();
  await expect(page.getByTestId('access-sentence')).toHaveText(t('access.sentence.none'));
  await expect(page.getByRole('button', { name: t('contact.unarchive') })).toBeVisible();
});

test('outside the demo there is no simulated registration, and the core refuses it', async ({
  launch,
  t,
}) => {
  const { page, invoke, refused } = await launch();
  await invoke('app.chooseFirstStart', 'empty');
  const property = await invoke('properties.create', {
    name: 'Lindenhof',
    referenceId: null,
    addresses: [{ street: 'Lindenstraße', houseNo: '4', postcode: '10969', city: 'Berlin' }],
  });
  const unit = await invoke('units.create', {
    propertyId: property.id,
    name: '1. OG links',
    number: 'WE 03',
    usage: 'private',
    referenceId: null,
  });
  const created = await invoke('contacts.create', {
    salutation: 'mr',
    title: null,
    firstName: 'Jens',
    lastName: 'Albers',
    company: null,
    email: null,
    phone: null,
    language: 'de',
    preference: 'postal',
    referenceId: 'K-1',
    note: null,
    street: null,
    houseNo: null,
    postcode: null,
    city: null,
  });
  await invoke('contracts.create', {
    contactId: created.contact.id,
    unitId: unit.id,
    type: 'tenant',
    number: 'MV-1',
    start: '2020-01-01',
    end: null,
  });
  const invitation = await invoke('invitations.create', { contactId: created.contact.id, channel: 'code' });
  await page.reload();
  await openContact(page, t, 'Jens', 'Jens Albers');
  await expect(page.getByTestId('invitation-state')).toHaveText(t('invitation.state.pending'));
  await expect(page.getByTestId('contract-unit')).toHaveText('WE 03 · 1. OG links');
  await expect(page.getByRole('button', { name: t('simulation.open') })).toHaveCount(0);
  expect((await refused('invitations.redeem', { code: invitation.code! })).code).toBe('DEMO_ONLY');
});
