/**
 * The invitation state is written once in TypeScript (policy/invitationState.ts) and once as SQL
 * (INVITATION_STATE_SQL, for the list filter): both must agree on every combination.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { INVITATION_STATE_SQL } from '../../../src-main/core/db/contactRepository';
import {
  contactInvitationState,
  invitationStateOn,
  type InvitationFacts,
} from '../../../src-main/core/policy/invitationState';

const TODAY = '2026-11-27';

describe('invitation state rule', () => {
  it('redeemed when registered, else the latest invitation on today, else none', () => {
    const pending: InvitationFacts = { state: 'pending', expiresOn: TODAY };
    expect(contactInvitationState(true, null, TODAY)).toBe('redeemed');
    expect(contactInvitationState(true, { state: 'revoked', expiresOn: TODAY }, TODAY)).toBe('redeemed');
    expect(contactInvitationState(false, null, TODAY)).toBe('none');
    expect(contactInvitationState(false, pending, TODAY)).toBe('pending');
    expect(contactInvitationState(false, { ...pending, expiresOn: '2026-11-26' }, TODAY)).toBe('expired');
    expect(contactInvitationState(false, { state: 'expired', expiresOn: '2027-01-01' }, TODAY)).toBe(
      'expired',
    );
    expect(contactInvitationState(false, { state: 'revoked', expiresOn: '2026-01-01' }, TODAY)).toBe(
      'revoked',
    );
    expect(invitationStateOn({ state: 'redeemed', expiresOn: '2026-01-01' }, TODAY)).toBe('redeemed');
  });

  describe('SQL and TypeScript agree', () => {
    let dir = '';
    let db: Db;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-invitation-state-'));
      db = openDatabase(path.join(dir, 'data.db'));
    });
    afterAll(() => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const invitation = fc.record({
      state: fc.constantFrom('pending', 'redeemed', 'expired', 'revoked' as const),
      expiresIn: fc.integer({ min: -2, max: 2 }),
      // Few distinct instants, so that ties on created_at (broken by id) happen.
      createdAt: fc.constantFrom('2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z'),
    });
    const contact = fc.record({
      registered: fc.boolean(),
      invitations: fc.array(invitation, { maxLength: 3 }),
    });

    it('on random contacts', () => {
      const insertContact = db.prepare(
        `INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, sort_name)
         VALUES (?, 'mr', 'X', 'de', 'online', ?, 'x')`,
      );
      const insertAccount = db.prepare(
        'INSERT INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)',
      );
      const insertInvitation = db.prepare(
        `INSERT INTO invitations (contact_id, code_hash, created_at, expires_on, channel, state)
         VALUES (?, ?, ?, ?, 'code', ?)`,
      );
      const stateOf = db.prepare<{ day: string }, { id: number; state: string }>(
        `SELECT c.id, ${INVITATION_STATE_SQL} AS state FROM contacts c ORDER BY c.id`,
      );
      let codes = 0;
      fc.assert(
        fc.property(fc.array(contact, { minLength: 1, maxLength: 8 }), (contacts) => {
          db.exec('DELETE FROM invitations; DELETE FROM portal_accounts; DELETE FROM contacts;');
          const expected: string[] = [];
          contacts.forEach((c, index) => {
            const id = index + 1;
            insertContact.run(id, `K-${id}`);
            if (c.registered) insertAccount.run(id, '2026-11-01T00:00:00Z');
            let latest: { createdAt: string; id: number; facts: InvitationFacts } | null = null;
            for (const inv of c.invitations) {
              const expiresOn = `2026-11-${27 + inv.expiresIn}`;
              const rowId = Number(
                insertInvitation.run(id, `code-${codes++}`, inv.createdAt, expiresOn, inv.state)
                  .lastInsertRowid,
              );
              if (
                latest === null ||
                inv.createdAt > latest.createdAt ||
                (inv.createdAt === latest.createdAt && rowId > latest.id)
              ) {
                latest = { createdAt: inv.createdAt, id: rowId, facts: { state: inv.state, expiresOn } };
              }
            }
            expected.push(contactInvitationState(c.registered, latest?.facts ?? null, TODAY));
          });
          expect(stateOf.all({ day: TODAY }).map((row) => row.state)).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    });
  });
});
