/**
 * The Protokoll answers a data-protection officer's "who gave this contact access, and when?": the
 * rows about one contact (its share, its invitation), about one content, by action and by person —
 * on screen and in the CSV, as sentences. Rows written before the filters existed are found the same.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { recordAuditSubjects } from '../../../src-main/core/db/auditSubjects';
import { DATABASE_FILE } from '../../../src-main/core/db/connection';
import { ok } from '../support';
import { sharingCore, type SharingCore } from '../sharing/support';

async function sharedWithPreContact(core: SharingCore) {
  const pre = core.portfolio.situations.tenantStartingSoon.contactId;
  const other = core.portfolio.situations.activeTenant.contactId;
  const content = await ok(core, 'content.create', {
    kind: 'announcement',
    title: 'Heizungswartung',
    propertyId: core.portfolio.showcasePropertyId,
    text: 'Am Montag wird die Heizung gewartet.',
  });
  await ok(core, 'sharing.share', {
    contentId: content.id,
    target: { mode: 'individual', contactIds: [pre, other] },
  });
  await ok(core, 'invitations.create', { contactId: pre, channel: 'code' });
  const [named] = await ok(core, 'contacts.names', { ids: [pre] });
  const name = named?.displayName ?? '';
  return { pre, other, content, name };
}

describe('auditLog filters', () => {
  it('by contact: who gave the contact access, and when — as sentences with names', async () => {
    const core = await sharingCore();
    const { pre, name } = await sharedWithPreContact(core);
    const page = await ok(core, 'auditLog.list', { contactId: pre, language: 'de' });
    const sentences = page.items.map((entry) => entry.description);
    expect(sentences).toContain(`Freigabe ‚Heizungswartung‘ einzeln für ${name} (vor Vertragsbeginn)`);
    expect(sentences.some((s) => s.startsWith(`${name} eingeladen (nur Einladungscode), gültig bis`))).toBe(
      true,
    );
    expect(page.items.every((entry) => entry.object === name || entry.entity === 'contract')).toBe(true);
    expect(page.total).toBe(page.items.length);

    const english = await ok(core, 'auditLog.list', {
      contactId: pre,
      action: 'sharing.share',
      language: 'en',
    });
    expect(english.items.map((entry) => [entry.actor, entry.actionLabel, entry.description])).toEqual([
      ['unit-test', 'Shared', `Shared ‘Heizungswartung’ individually with ${name} (before contract start)`],
    ]);
  });

  it('by content, action and person; the CSV holds the same rows as sentences', async () => {
    const core = await sharingCore();
    const { content } = await sharedWithPreContact(core);
    const about = await ok(core, 'auditLog.list', { contentId: content.id, language: 'de' });
    expect(about.items.map((entry) => entry.action).sort()).toEqual([
      'content.create',
      'sharing.share',
      'sharing.share',
    ]);
    const shares = await ok(core, 'auditLog.list', {
      action: 'sharing.share',
      actor: 'unit-test',
      language: 'de',
    });
    expect(shares.total).toBe(2);
    expect((await ok(core, 'auditLog.list', { actor: 'jemand anderes', language: 'de' })).total).toBe(0);

    const file = await ok(core, 'auditLog.export', { contentId: content.id, language: 'de' });
    expect(file.saved).toBe(true);
    const lines = fs.readFileSync(core.saved.chosen[0]!, 'utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Zeit;Person;Aktion;Objekt;Beschreibung');
    expect(lines.slice(1, -1)).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^27\.11\.2026 \d\d:\d\d:\d\d;unit-test;Inhalt angelegt;Mitteilung ‚Heizungswartung‘;/,
    );
    expect(lines.join('\n')).not.toMatch(/[{}]|sharing\.share|content\.create/);

    const facets = await ok(core, 'auditLog.facets', { language: 'de' });
    expect(facets.actors).toEqual(['unit-test']);
    expect(facets.actions).toContainEqual({ value: 'sharing.share', label: 'Freigabe erteilt' });
  });

  it('finds rows written before the filters existed as it finds new ones', async () => {
    const core = await sharingCore();
    await sharedWithPreContact(core);
    const db = new Database(path.join(core.dataDir, DATABASE_FILE));
    try {
      const subjects = () => db.prepare('SELECT * FROM audit_subject ORDER BY 1, 2, 3').all();
      const written = subjects();
      expect(written.length).toBeGreaterThan(0);
      db.prepare('DELETE FROM audit_subject').run();
      recordAuditSubjects(db, 0);
      expect(subjects()).toEqual(written);
    } finally {
      db.close();
    }
  });
});
