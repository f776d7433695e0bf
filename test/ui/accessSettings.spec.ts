import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../../src-main/core/core';
import { settingsImpact } from '../../src-main/core/policy';
import type { AccessSettings, ContactFacts, ContractFacts } from '../../shared/domain';
import { expect, test, TEST_TODAY, type T } from './fixtures';
import type { Invoke } from './harness';
import { switchWindowsOff, windowSwitch } from './steps';

async function openSettings(page: Page, t: T) {
  await page.getByRole('button', { name: t('nav.accessSettings') }).click();
  await expect(page.getByRole('heading', { name: t('settings.title') })).toBeVisible();
}

function windowCard(page: Page, id: 'pre' | 'post') {
  return page.getByTestId(`window-${id}`);
}

async function enable(page: Page, t: T, id: 'pre' | 'post') {
  await windowSwitch(page, t, id).check();
}

function daysField(page: Page, t: T, id: 'pre' | 'post') {
  return windowCard(page, id).getByLabel(t('settings.days'));
}

async function savedSettings(invoke: Invoke): Promise<AccessSettings> {
  const result = await invoke('settings.getAccess');
  return result;
}

test('both windows are off by default', async ({ launch, t }) => {
  const { page, invoke } = await launch();
  await page.getByRole('button', { name: t('firstStart.empty') }).click();
  await openSettings(page, t);
  await expect(windowSwitch(page, t, 'pre')).not.toBeChecked();
  await expect(windowSwitch(page, t, 'post')).not.toBeChecked();
  await expect(daysField(page, t, 'pre')).toBeDisabled();
  const saved = await savedSettings(invoke);
  expect(saved.preContract.enabled).toBe(false);
  expect(saved.postContract.enabled).toBe(false);
});

test('the demo shows both windows on: 30 days before, 60 days after the contract', async ({ launch, t }) => {
  const { page } = await launch({ demo: true });
  await openSettings(page, t);
  await expect(windowSwitch(page, t, 'pre')).toBeChecked();
  await expect(windowSwitch(page, t, 'post')).toBeChecked();
  await expect(daysField(page, t, 'pre')).toHaveValue('30');
  await expect(daysField(page, t, 'post')).toHaveValue('60');
});

test('pre-contract access can be enabled alone and survives a restart', async ({ launch, t }) => {
  const first = await launch({ demo: true });
  await switchWindowsOff(first.invoke);
  await openSettings(first.page, t);
  await enable(first.page, t, 'pre');
  await daysField(first.page, t, 'pre').fill('14');
  await first.page.getByRole('button', { name: t('app.save') }).click();
  await expect(first.page.getByText(t('settings.saved'))).toBeVisible();
  // No confirmation: pre-contract access gives nobody back a lost seat.
  await expect(first.page.getByRole('dialog')).toHaveCount(0);
  await first.close();

  const second = await launch({ dataDir: first.dataDir });
  await openSettings(second.page, t);
  await expect(windowSwitch(second.page, t, 'pre')).toBeChecked();
  await expect(daysField(second.page, t, 'pre')).toHaveValue('14');
  await expect(windowSwitch(second.page, t, 'post')).not.toBeChecked();
  expect(await savedSettings(second.invoke)).toMatchObject({
    preContract: { enabled: true, days: 14 },
    postContract: { enabled: false },
  });
});

test('access after contract end can be enabled alone after confirming its impact', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  await switchWindowsOff(invoke);
  await openSettings(page, t);
  await enable(page, t, 'post');
  await daysField(page, t, 'post').fill('60');
  await page.getByRole('button', { name: t('app.save') }).click();
  const dialog = page.getByRole('dialog', { name: t('settings.confirm.title') });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(t('settings.confirm.immediate'))).toBeVisible();
  await dialog.getByRole('button', { name: t('settings.confirm.accept') }).click();
  await expect(page.getByText(t('settings.saved'))).toBeVisible();
  expect(await savedSettings(invoke)).toMatchObject({
    preContract: { enabled: false },
    postContract: { enabled: true, days: 60 },
  });
});

test('cancelling the confirmation changes nothing', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  const before = await switchWindowsOff(invoke);
  await openSettings(page, t);
  await enable(page, t, 'post');
  await page.getByRole('button', { name: t('app.save') }).click();
  const dialog = page.getByRole('dialog', { name: t('settings.confirm.title') });
  await dialog.getByRole('button', { name: t('app.cancel') }).click();
  await expect(dialog).toHaveCount(0);
  expect(await savedSettings(invoke)).toEqual(before);
});

test('the confirmation shows the impact the policy computes on the demo portfolio', async ({
  launch,
  t,
  appLocale,
}) => {
  const { page, dataDir, invoke } = await launch({ demo: true });
  const saved = await switchWindowsOff(invoke);
  await openSettings(page, t);
  await page.getByLabel(t('settings.quota.label')).fill('100');
  await enable(page, t, 'post');
  await daysField(page, t, 'post').fill('60');
  await page.getByRole('button', { name: t('app.save') }).click();
  const dialog = page.getByRole('dialog', { name: t('settings.confirm.title') });
  await expect(dialog).toBeVisible();

  // The same question answered by the pure policy over every row of the data store.
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const contacts = db
    .prepare(
      `SELECT c.id, c.archived, pa.contact_id IS NOT NULL AS registered
       FROM contacts c LEFT JOIN portal_accounts pa ON pa.contact_id = c.id`,
    )
    .all()
    .map((row) => {
      const r = row as { id: number; archived: number; registered: number };
      return { id: r.id, archived: r.archived === 1, registered: r.registered === 1 } satisfies ContactFacts;
    });
  const contracts = db
    .prepare<[], ContractFacts>(
      `SELECT id, contact_id AS contactId, unit_id AS unitId, property_id AS propertyId, type,
              start_date AS start, end_date AS "end" FROM contracts`,
    )
    .all();
  db.close();
  const off: AccessSettings = { ...saved, seatQuota: 100 };
  const on: AccessSettings = { ...off, postContract: { enabled: true, days: 60 } };
  const expected = settingsImpact(contacts, contracts, off, on, TEST_TODAY);
  expect(expected.gained.length).toBeGreaterThan(0);

  const number = (value: number) =>
    new Intl.NumberFormat(appLocale === 'en' ? 'en-GB' : 'de-DE').format(value);
  await expect(dialog.getByTestId('impact-regain')).toHaveText(
    t(expected.gained.length === 1 ? 'settings.confirm.regain_one' : 'settings.confirm.regain_other', {
      count: expected.gained.length,
      days: 60,
    }),
  );
  await expect(dialog.getByTestId('impact-seats')).toContainText(
    t('settings.confirm.seats', { before: number(expected.seatsBefore), after: number(expected.seatsAfter) }),
  );
  if (expected.overage > 0) {
    await expect(dialog.getByTestId('impact-overage')).toContainText(String(expected.overage));
  }
});

for (const value of ['0', '366', '2.5', '', 'abc']) {
  test(`days "${value}" show a message and save nothing`, async ({ launch, t }) => {
    const { page, invoke } = await launch({ demo: true });
    await openSettings(page, t);
    const before = await savedSettings(invoke);
    await enable(page, t, 'pre');
    await daysField(page, t, 'pre').fill(value);
    await expect(windowCard(page, 'pre').getByText(t('settings.daysInvalid'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('app.save') })).toBeDisabled();
    expect(await savedSettings(invoke)).toEqual(before);
  });
}

test('the language choice persists across restarts', async ({ launch, t, appLocale }) => {
  const other =
    appLocale === 'de'
      ? { code: 'en', label: 'English', title: 'Overview' }
      : { code: 'de', label: 'Deutsch', title: 'Übersicht' };
  const first = await launch({ demo: true });
  await expect(first.page.getByRole('heading', { name: t('overview.title') })).toBeVisible();
  await first.page.getByText(other.label, { exact: true }).click();
  await expect(first.page.getByRole('heading', { name: other.title })).toBeVisible();
  await expect(first.page.locator('html')).toHaveAttribute('lang', other.code);
  await first.close();

  const second = await launch({ dataDir: first.dataDir, locale: undefined });
  await expect(second.page.getByRole('heading', { name: other.title })).toBeVisible();
});
