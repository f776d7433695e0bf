/**
 * content.delete: a wrong document (someone else's Betriebskostenabrechnung) is withdrawn — nobody
 * sees it any more, nobody is notified again, its file is erased once no other content refers to
 * it, and the Protokoll says what happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentInput } from '../../../shared/ipc';
import { ok } from '../support';
import { expectRefused, outboxRows, sharingCore, type SharingCore } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

function document(core: SharingCore, title: string): ContentInput {
  return {
    kind: 'document',
    title,
    propertyId: core.portfolio.showcasePropertyId,
    fileName: 'Betriebskosten.pdf',
    mimeType: 'application/pdf',
    dataBase64: PDF.toString('base64'),
  };
}

function documentFiles(core: SharingCore): string[] {
  const folder = path.join(core.dataDir, 'documents');
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

describe('content.delete', () => {
  it('withdraws a shared document: shares revoked, gone from lists and the portal, file erased, audited', async () => {
    const core = await sharingCore();
    const tenant = core.portfolio.situations.activeTenant.contactId;
    const wrong = await ok(core, 'content.create', document(core, 'Betriebskostenabrechnung Müller'));
    await ok(core, 'sharing.share', {
      contentId: wrong.id,
      target: { mode: 'role', role: 'tenant', propertyId: core.portfolio.showcasePropertyId, unitIds: null },
    });
    await ok(core, 'sharing.share', {
      contentId: wrong.id,
      target: { mode: 'individual', contactIds: [tenant] },
    });
    const seen = await ok(core, 'portal.preview', { contactId: tenant });
    expect(seen.items.map((item) => item.id)).toContain(wrong.id);
    expect(documentFiles(core)).toHaveLength(1);
    const mails = outboxRows(core).length;

    expect(await ok(core, 'content.delete', { id: wrong.id })).toEqual({
      sharesRevoked: 2,
      fileErased: true,
    });

    await expectRefused(core, 'content.get', { id: wrong.id }, 'NOT_FOUND');
    expect((await ok(core, 'content.list', {})).items.map((item) => item.id)).not.toContain(wrong.id);
    expect(
      (await ok(core, 'portal.preview', { contactId: tenant })).items.map((item) => item.id),
    ).not.toContain(wrong.id);
    expect(documentFiles(core)).toEqual([]);
    expect(outboxRows(core)).toHaveLength(mails);

    const log = await ok(core, 'auditLog.list', {
      contentId: wrong.id,
      action: 'content.delete',
      language: 'de',
    });
    expect(log.items.map((entry) => entry.description)).toEqual([
      'Dokument ‚Betriebskostenabrechnung Müller‘ gelöscht; 2 Freigaben entfernt; Datei gelöscht',
    ]);
  });

  it('keeps a file another document still uses, and erases it with the last one', async () => {
    const core = await sharingCore();
    const first = await ok(core, 'content.create', document(core, 'Hausordnung'));
    const second = await ok(core, 'content.create', document(core, 'Hausordnung (Kopie)'));
    expect(documentFiles(core)).toHaveLength(1);

    expect(await ok(core, 'content.delete', { id: first.id })).toEqual({
      sharesRevoked: 0,
      fileErased: false,
    });
    expect(documentFiles(core)).toHaveLength(1);
    const file = await ok(core, 'content.documentFile', { id: second.id });
    expect(Buffer.from(file.dataBase64, 'base64')).toEqual(PDF);

    expect(await ok(core, 'content.delete', { id: second.id })).toEqual({
      sharesRevoked: 0,
      fileErased: true,
    });
    expect(documentFiles(core)).toEqual([]);
  });

  it('has no file to erase for other kinds', async () => {
    const core = await sharingCore();
    const note = await ok(core, 'content.create', {
      kind: 'announcement',
      title: 'Aushang',
      propertyId: null,
      text: 'Hallo',
    });
    expect(await ok(core, 'content.delete', { id: note.id })).toEqual({ sharesRevoked: 0, fileErased: null });
  });

  it('refuses an unknown content and one already withdrawn, changing nothing', async () => {
    const core = await sharingCore();
    const gone = await ok(core, 'content.create', document(core, 'Weg'));
    await ok(core, 'content.delete', { id: gone.id });
    await expectRefused(core, 'content.delete', { id: gone.id }, 'NOT_FOUND');
    await expectRefused(core, 'content.delete', { id: 999_999 }, 'NOT_FOUND');
    await expectRefused(
      core,
      'sharing.share',
      { contentId: gone.id, target: { mode: 'individual', contactIds: [1] } },
      'NOT_FOUND',
    );
  });
});
