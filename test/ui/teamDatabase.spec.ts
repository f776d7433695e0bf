/**
 * Administration › Team-Datenbank: the connection form, "Verbindung testen" with a translated refusal,
 * and the rule "no TLS only to this computer" shown at the field before anything is sent; the move into
 * a team database on a throwaway PostgreSQL server (set up as the IT would), its refusal by a second
 * desktop, the local copy, and the Datensicherung page in team mode.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  freePort as closedPort,
  startThrowawayPostgres,
  type PostgresServer,
} from '../../scripts/postgres/throwaway';
import { teamSetup } from '../../src-main/core/db/postgres/teamSetup';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test, type T } from './fixtures';
import { openNav } from './steps';

async function openTeamDatabase(page: Page, t: T) {
  await openNav(page, t, 'nav.teamDatabase');
  await expect(page.getByRole('heading', { name: t('nav.teamDatabase'), exact: true })).toBeVisible();
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

let server: PostgresServer | undefined;
test.afterAll(async () => {
  await server?.stop();
});

/** A fresh team database on this worker's throwaway server, as `npm run team:setup` makes it. */
async function teamDatabase(): Promise<{ host: string; port: number; database: string; password: string }> {
  server ??= await startThrowawayPostgres();
  const tag = Math.random().toString(36).slice(2, 8);
  const database = `ui_${tag}`;
  const password = `Team-${tag}`;
  await teamSetup({
    adminUrl: server.url,
    database,
    createDatabase: true,
    ownerRole: `uiowner_${tag}`,
    appRole: `uiapp_${tag}`,
    login: { name: `uidesk_${tag}`, password },
  });
  const url = new URL(server.url);
  return { host: url.hostname, port: Number(url.port), database, password };
}

async function connectTo(page: Page, t: T, team: Awaited<ReturnType<typeof teamDatabase>>) {
  await page.getByRole('textbox', { name: t('team.host') }).fill(team.host);
  await page.getByRole('textbox', { name: t('team.port') }).fill(String(team.port));
  await page.getByRole('textbox', { name: t('team.database') }).fill(team.database);
  await page.getByRole('textbox', { name: t('team.user') }).fill(team.database.replace('ui_', 'uidesk_'));
  await page.getByLabel(t('team.password'), { exact: true }).fill(team.password);
  await page.getByRole('radio', { name: t('team.tlsModes.disable') }).check();
  await page.getByRole('button', { name: t('app.save') }).click();
  await expect(page.getByText(t('team.saved'))).toBeVisible();
}

test('the move into an empty team database, the refusal of a second one, and the local copy', async ({
  launch,
  t,
}) => {
  test.setTimeout(180_000);
  const team = await teamDatabase();
  const first = await launch({ demo: true });
  const { page } = first;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openTeamDatabase(page, t);
  const move = page.getByRole('button', { name: t('team.move.button') });
  await expect(move).toBeDisabled();
  await connectTo(page, t, team);
  await move.click();
  const result = page.getByTestId('team-move-result');
  await expect(result).toContainText(t('team.mode.notYet'), { timeout: 120_000 });
  const moved = await first.invoke('team.getSettings');
  expect(moved.teamModeSince).not.toBeNull();
  await expect(move).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: `/tmp/teammove-${test.info().project.name}-1024-moved.png`, fullPage: true });

  // Datensicherung says what the server's backup must cover and offers the local copy.
  await openNav(page, t, 'nav.backups');
  const backup = page.getByTestId('team-backup');
  await expect(backup).toContainText(t('team.backup.pitr'));
  await backup.getByRole('button', { name: t('team.localCopy.button') }).click();
  const copied = backup.getByTestId('team-local-copy-result');
  await expect(copied).toBeVisible({ timeout: 120_000 });
  expect(first.shell.savedFiles).toHaveLength(1);
  await expect(copied).toContainText(path.basename(first.shell.savedFiles[0] ?? '?'));
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.screenshot({
    path: `/tmp/teammove-${test.info().project.name}-1280-backups.png`,
    fullPage: true,
  });

  // A second desktop with its own portfolio meets a team database that is no longer empty.
  const second = await launch({ demo: true });
  await second.page.setViewportSize({ width: 1280, height: 820 });
  await openTeamDatabase(second.page, t);
  await connectTo(second.page, t, team);
  await second.page.getByRole('button', { name: t('team.move.button') }).click();
  const refusal = await second.refused('team.moveIntoTeamDatabase');
  expect(refusal.code).toBe('TEAM_DATABASE_NOT_EMPTY');
  await expect(second.page.getByTestId('team-move-result')).toHaveText(
    t('errors.TEAM_DATABASE_NOT_EMPTY', refusal.params as Record<string, string>),
  );
  expect((await second.invoke('team.getSettings')).teamModeSince).toBeNull();
  await second.page.screenshot({
    path: `/tmp/teammove-${test.info().project.name}-1280-refused.png`,
    fullPage: true,
  });
});
