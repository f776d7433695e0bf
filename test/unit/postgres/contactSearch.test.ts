/**
 * The PostgreSQL search table (pg_trgm) finds the same contacts as SQLite's FTS5 trigram table for the
 * searches staff type (issue 13): any part of a name, first name, company word, mail domain, "ue" for
 * "ü", a reference, one or two letters at the start of a word — filled by migration 5's back-fill and
 * by writeContactSearch.
 */
import type Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contactSearchMatch, type SearchedFields } from '../../../src-main/core/db/contactKeys';
import { contactSearchIndex } from '../../../src-main/core/db/contactSearchIndex';
import { migrate } from '../../../src-main/core/db/migrations';
import { migratePostgres } from '../../../src-main/core/db/postgres';
import { contactSearchCondition, writeContactSearch } from '../../../src-main/core/db/postgres/contactSearch';
import { samplesAt } from './samples';
import { scratchDatabase, sqliteAt } from './support';

const kyselys: Kysely<unknown>[] = [];
afterAll(async () => {
  await Promise.all(kyselys.map((k) => k.destroy()));
});

const added: (SearchedFields & { id: number })[] = [
  {
    id: 6,
    first_name: 'Jonas',
    last_name: 'Bak',
    company: null,
    email: 'jonas.bak@mail.example.org',
    reference_id: 'K-6',
  },
  {
    id: 7,
    first_name: 'Jens',
    last_name: 'Schäfer',
    company: 'Schäfer & Söhne KG',
    email: null,
    reference_id: 'ERP-77',
  },
  {
    id: 8,
    first_name: 'Zoë',
    last_name: 'Mueller',
    company: null,
    email: 'zoe@example.net',
    reference_id: 'K-8',
  },
];

const searches = [
  'lüdenscheidt',
  'denschei',
  'Oeztuerk',
  'öztürk',
  'gmbh',
  'example.net',
  'example',
  'pa',
  'p',
  'hans müller',
  'müller hans',
  'k-3',
  'jonas',
  'jens',
  'söhne',
  'mail.example.org',
  'zoe',
  'mueller',
  'müller',
  'erp-77',
  'xyz',
  'h',
  'ba',
  'bake',
  'info hausbau',
];

describe('contact search on PostgreSQL', () => {
  it('finds the same contacts as on SQLite, after the back-fill of 5 and for contacts written since', async () => {
    const db: Database.Database = sqliteAt(4);
    const url = await scratchDatabase();
    const kysely = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
    });
    kyselys.push(kysely);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client, 4);
      for (const statement of samplesAt(4)) {
        db.exec(statement);
        await client.query(statement);
      }
      migrate(db);
      await migratePostgres(client);
    } finally {
      await client.end();
    }
    const index = contactSearchIndex(db);
    const insert = db.prepare(
      `INSERT INTO contacts (id, salutation, first_name, last_name, company, email, language, preference,
        reference_id, sort_name) VALUES (?, 'ms', ?, ?, ?, ?, 'de', 'online', ?, 'x')`,
    );
    for (const c of added) {
      insert.run(c.id, c.first_name, c.last_name, c.company, c.email, c.reference_id);
      index(c.id, c);
      await sql`INSERT INTO contacts (id, salutation, first_name, last_name, company, email, language, preference,
        reference_id, sort_name) VALUES (${c.id}, 'ms', ${c.first_name}, ${c.last_name}, ${c.company}, ${c.email},
        'de', 'online', ${c.reference_id}, 'x')`.execute(kysely);
      await writeContactSearch(c.id, c).execute(kysely);
    }
    // Writing a contact's row again replaces it (an edited name is found by its new name only).
    const renamed = { ...added[0]!, last_name: 'Baker' };
    index(renamed.id, renamed);
    await writeContactSearch(renamed.id, renamed).execute(kysely);

    const onSqlite = (search: string) => {
      const match = contactSearchMatch(search);
      return match === null
        ? []
        : db
            .prepare<[string], { id: number }>(
              'SELECT rowid AS id FROM contact_search WHERE contact_search MATCH ? ORDER BY rowid',
            )
            .all(match)
            .map((row) => row.id);
    };
    const onPostgres = async (search: string) => {
      const condition = contactSearchCondition(search);
      if (condition === null) return [];
      const { rows } = await sql<{
        id: string;
      }>`SELECT s.contact_id AS id FROM contact_search s WHERE ${condition} ORDER BY 1`.execute(kysely);
      return rows.map((row) => Number(row.id));
    };
    const found: Record<string, number[]> = {};
    for (const search of searches) {
      found[search] = await onPostgres(search);
      expect(found[search], search).toEqual(onSqlite(search));
    }
    db.close();
    // The searches of issue 13 find whom staff look for.
    expect(found).toMatchObject({
      lüdenscheidt: [1],
      Oeztuerk: [2],
      gmbh: [3],
      'example.net': [1, 8],
      jonas: [6],
      jens: [7],
      mueller: [1, 8],
      pa: [4],
      ba: [6],
    });
    expect(await onPostgres('baker')).toEqual([6]);
    expect(await onPostgres('bak')).toEqual([6]);
    expect(await onPostgres('  ')).toEqual([]);
  });

  it('answers a search from the trigram index', async () => {
    const url = await scratchDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client);
      await client.query('SET enable_seqscan = off');
      const plan = async (pattern: string) =>
        (
          await client.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN SELECT contact_id FROM contact_search s WHERE s.name LIKE '${pattern}'`,
          )
        ).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      expect(await plan('%denschei%')).toMatch(/Bitmap Index Scan on contact_search_name/);
      expect(await plan('%  pa%')).toMatch(/Bitmap Index Scan on contact_search_name/);
    } finally {
      await client.end();
    }
  });
});
