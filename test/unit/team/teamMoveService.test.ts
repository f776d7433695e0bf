/**
 * Administration › Team-Datenbank's move and local copy through the contract: team mode is recorded
 * only after a verified move (with its audit row), a second desktop meets a team database with data
 * in it and is refused without being switched, and the local copy goes where the save dialog said.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectRefused, ok, readDatabase, refused, testCore } from '../support';
import { freshTeamDatabase } from './teamDatabases';

async function configured(
  core: ReturnType<typeof testCore>,
  team: Awaited<ReturnType<typeof freshTeamDatabase>>,
) {
  await ok(core, 'team.saveSettings', { ...team, password: team.password ?? '' });
}

describe('team.moveIntoTeamDatabase and team.exportLocalCopy', () => {
  it('records team mode after the verified move, refuses a second one, and exports the team database', async () => {
    const core = testCore();
    await ok(core, 'app.chooseFirstStart', 'demo');
    await expectRefused(core, 'team.moveIntoTeamDatabase', undefined, 'TEAM_NOT_CONFIGURED');
    const team = await freshTeamDatabase();
    await configured(core, team);
    expect((await ok(core, 'team.getSettings', undefined)).teamModeSince).toBeNull();

    const moved = await ok(core, 'team.moveIntoTeamDatabase', undefined);
    expect(moved.contacts).toBeGreaterThan(100);
    expect(moved.rows).toBeGreaterThan(moved.contacts);
    expect((await ok(core, 'team.getSettings', undefined)).teamModeSince).toBe(moved.teamModeSince);
    const recorded = readDatabase(core, (db) =>
      db.prepare("SELECT after FROM audit WHERE action = 'team.moveIntoTeamDatabase'").all(),
    );
    expect(recorded).toHaveLength(1);
    expect((await refused(core, 'team.moveIntoTeamDatabase', undefined)).code).toBe('TEAM_MODE_ACTIVE');

    // Another desktop with its own data meets a team database that is no longer empty.
    const other = testCore();
    await ok(other, 'app.chooseFirstStart', 'empty');
    await configured(other, team);
    await expectRefused(other, 'team.moveIntoTeamDatabase', undefined, 'TEAM_DATABASE_NOT_EMPTY');
    expect((await ok(other, 'team.getSettings', undefined)).teamModeSince).toBeNull();

    const saved = await ok(other, 'team.exportLocalCopy', undefined);
    expect(saved).toMatchObject({ saved: true, count: moved.contacts });
    const file = other.saved.chosen[0] ?? '';
    expect(file.endsWith('.sqlite')).toBe(true);
    const copy = new Database(file, { readonly: true });
    const contacts = copy.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number };
    copy.close();
    expect(contacts.n).toBe(moved.contacts);
    // Nothing but the copy is left in the chosen folder (no part file).
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  }, 120_000); // two demo portfolios through a PostgreSQL server: long on a busy machine
});
