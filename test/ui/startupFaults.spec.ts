import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src-main/core/core';
import { LATEST_VERSION } from '../../src-main/core/db/migrations';
import { expectNoSeriousViolations } from './accessibility';
import { expect, test } from './fixtures';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a damaged database offers its backups; restoring one opens the app with its data', async ({
  launch,
  t,
}) => {
  const before = await launch({ demo: true });
  await before.invoke('backups.create');
  await before.close();
  const file = path.join(before.dataDir, DATABASE_FILE);
  fs.writeFileSync(file, Buffer.alloc(64 * 1024, 'Kein SQLite. '));
  const damaged = sha256(file);

  const { page, invoke } = await launch({ dataDir: before.dataDir });
  await expect(page.getByRole('heading', { name: t('startup.faults.DATABASE_CORRUPT.title') })).toBeVisible();
  await expect(page.getByTestId('startup-fault-path')).toHaveText(before.dataDir);
  const backups = page.getByRole('radiogroup', { name: t('startup.backups.legend') }).getByRole('radio');
  await expect(backups).toHaveCount(1);
  await expect(backups).toBeChecked();
  await expect(page.getByRole('button', { name: t('startup.choices.openOtherDataDir') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('startup.choices.quit') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('startup.choices.createDataDir') })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: t('startup.choices.restoreBackup') }).click();
  const confirm = page.getByRole('dialog', { name: t('startup.confirmRestore.title') });
  await expect(confirm).toBeVisible();
  await expectNoSeriousViolations(page);
  await confirm.getByRole('button', { name: t('backups.restore') }).click();

  await expect(page.getByRole('heading', { name: t('overview.title') })).toBeVisible();
  const overview = await invoke('portfolio.overview');
  expect(overview.properties).toBe(8);
  // The damaged file is kept beside the restored store, as it was.
  const kept = fs
    .readdirSync(before.dataDir)
    .filter((name) => name.includes('.replaced-') && !/-(wal|shm)$/.test(name));
  expect(kept.map((name) => sha256(path.join(before.dataDir, name)))).toEqual([damaged]);
});

test('data from a newer version is left alone: no restore, only another folder or quit', async ({
  launch,
  t,
}) => {
  const before = await launch();
  await before.invoke('app.chooseFirstStart', 'empty');
  // A backup exists, yet restoring it would silently drop what the newer version wrote.
  await before.invoke('backups.create');
  await before.close();
  const file = path.join(before.dataDir, DATABASE_FILE);
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma(`user_version = ${LATEST_VERSION + 3}`);
  db.close();
  const untouched = sha256(file);

  const { page, shell } = await launch({ dataDir: before.dataDir });
  await expect(page.getByRole('heading', { name: t('startup.faults.DATABASE_TOO_NEW.title') })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    t('startup.faults.DATABASE_TOO_NEW.text', { found: LATEST_VERSION + 3, supported: LATEST_VERSION }),
  );
  await expect(page.getByRole('button')).toHaveText([
    t('startup.choices.openOtherDataDir'),
    t('startup.choices.quit'),
  ]);
  await expect(page.getByRole('radiogroup', { name: t('startup.backups.legend') })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: t('startup.choices.quit') }).click();
  await expect(page.getByText(t('startup.quitting'))).toBeVisible();
  expect(shell.quitRequested).toBe(true);
  expect(sha256(file)).toBe(untouched);
});

test('another data folder can be opened from the fault screen', async ({ launch, t }) => {
  const missing = path.join(os.tmpdir(), `portal-ui-unplugged-${process.pid}-${Date.now()}`);
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ui-other-'));
  const { page, shell } = await launch({ dataDir: missing, chooseDataDir: other });
  await expect(page.getByRole('heading', { name: t('startup.faults.DATA_DIR_MISSING.title') })).toBeVisible();
  await expect(page.getByText(t('startup.hints.createDataDir'))).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: t('startup.choices.openOtherDataDir') }).click();

  await expect(page.getByRole('heading', { name: t('firstStart.title') })).toBeVisible();
  expect(shell.dataDirsUsed).toEqual([other]);
  expect(fs.existsSync(missing)).toBe(false);
});
