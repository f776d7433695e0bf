/**
 * Administration › Team-Datenbank: the connection form, "Verbindung testen" with a translated refusal,
 * and the rule "no TLS only to this computer" shown at the field before anything is sent.
 */
import type { Page } from '@playwright/test';
import { freePort as closedPort } from '../../scripts/postgres/throwaway';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test, type T } from './fixtures';
import { openNav } from './steps';

async function openTeamDatabase(page: Page, t: T) {
  await openNav(page, t, 'nav.teamDatabase');
  await expect(page.getByRole('heading', { name: t('nav.teamDatabase') })).toBeVisible();
}

async function fill(page: Page, t: T, values: { host: string; port: number }) {
  await page.getByRole('textbox', { name: t('team.host') }).fill(values.host);
  await page.getByRole('textbox', { name: t('team.port') }).fill(String(values.port));
  await page.getByRole('textbox', { name: t('team.database') }).fill('portal');
  await page.getByRole('textbox', { name: t('team.user') }).fill('portal_app');
  await page.getByLabel(t('team.password'), { exact: true }).fill('Geheim-2026');
}

test('a server nobody answers at: the translated refusal, and the connection saved without its password shown', async ({
  launch,
  t,
}) => {
  const { page, invoke } = await launch({ demo: true });
  await page.setViewportSize({ width: 1024, height: 700 });
  await openTeamDatabase(page, t);
  await expect(page.getByTestId('team-status')).toHaveText(t('team.status'));
  await fill(page, t, { host: '127.0.0.1', port: await closedPort() });
  await page.getByRole('radio', { name: t('team.tlsModes.disable') }).check();
  await page.getByRole('button', { name: t('team.testConnection') }).click();
  const result = page.getByTestId('team-test-result');
  await expect(result).toContainText(t('team.result.failed'));
  await expect(result).toContainText(t('errors.TEAM_UNREACHABLE'));
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: `/tmp/teamui-${test.info().project.name}-1024-refused.png`, fullPage: true });

  await page.getByRole('button', { name: t('app.save') }).click();
  await expect(page.getByText(t('team.saved'))).toBeVisible();
  const saved = await invoke('team.getSettings');
  expect(saved).toMatchObject({ configured: true, host: '127.0.0.1', database: 'portal', hasPassword: true });
  expect(JSON.stringify(saved)).not.toContain('Geheim-2026');
  // The typed password is gone from the form; the field says one is saved.
  await expect(page.getByLabel(t('team.password'), { exact: true })).toHaveValue('');
  await expect(page.getByText(t('team.passwordSavedHint'))).toBeVisible();
});

test('no TLS to another computer is refused at the field, before anything is sent', async ({ launch, t }) => {
  const { page, invoke } = await launch({ demo: true });
  await page.setViewportSize({ width: 1280, height: 820 });
  await openTeamDatabase(page, t);
  await fill(page, t, { host: 'db.hausverwaltung.example', port: 5432 });
  await page.getByRole('radio', { name: t('team.tlsModes.disable') }).check();
  await page.getByRole('button', { name: t('team.testConnection') }).click();
  const tls = page.getByRole('radiogroup', { name: t('team.tls') });
  await expect(tls).toHaveAccessibleDescription(t('errors.TEAM_TLS_REQUIRED'));
  await expect(page.getByTestId('team-test-result')).toHaveCount(0);
  await page.getByRole('button', { name: t('app.save') }).click();
  await expect(tls).toHaveAccessibleDescription(t('errors.TEAM_TLS_REQUIRED'));
  expect((await invoke('team.getSettings')).configured).toBe(false);

  // With the certificate check, a CA certificate is needed: the file field appears and is required.
  await page.getByRole('radio', { name: t('team.tlsModes.verify-full') }).check();
  await expect(page.getByText(t('errors.TEAM_TLS_REQUIRED'))).toHaveCount(0);
  await page.getByRole('button', { name: t('team.testConnection') }).click();
  await expect(page.getByText(t('errors.REQUIRED'))).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: `/tmp/teamui-${test.info().project.name}-1280-tls.png`, fullPage: true });
});
