/** content.* : the five kinds, their rules, documents in the data dir, paging, audit. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../shared/contract/content';
import type { ContentDetail, ContentInput } from '../../../shared/ipc';
import { invalidPayload, ok, readDatabase, refused } from '../support';
import { auditRows, expectRefused, sharingCore, type SharingCore } from './support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
/** A 1×1 pixel PNG: the content is recognised by its bytes, a bare signature is not enough. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function documentInput(
  core: SharingCore,
  bytes: Buffer,
  extra: Partial<Extract<ContentInput, { kind: 'document' }>> = {},
): ContentInput {
  return {
    kind: 'document',
    title: 'Hausordnung 2027',
    propertyId: core.portfolio.showcasePropertyId,
    fileName: 'Hausordnung.pdf',
    mimeType: 'application/pdf',
    dataBase64: bytes.toString('base64'),
    ...extra,
  };
}

function documentFiles(core: SharingCore): string[] {
  const folder = path.join(core.dataDir, 'documents');
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

describe('content.create and content.update', () => {
  it('creates each kind with its fields and an audit row', async () => {
    const core = await sharingCore();
    const before = auditRows(core).length;
    const propertyId = core.portfolio.showcasePropertyId;
    const { situations } = core.portfolio;
    const inputs: ContentInput[] = [
      { kind: 'announcement', title: 'Mitteilung', propertyId, text: 'Text' },
      {
        kind: 'appointment',
        title: 'Eigentümerversammlung',
        propertyId,
        startsAt: '2026-12-10T18:00',
        endsAt: '2026-12-10T20:30',
        place: 'Gemeinschaftsraum',
        text: '',
      },
      documentInput(core, PDF),
      { kind: 'smartpost', title: 'Serienbrief', propertyId: null, template: '{{anrede}}\n\nHallo {{name}}' },
      {
        kind: 'process',
        title: 'Wasserschaden Whg. 3',
        propertyId,
        description: 'Gutachter beauftragt',
        state: 'in_progress',
        contactIds: [situations.activeTenant.contactId, situations.activeOwner.contactId],
      },
    ];
    const created: ContentDetail[] = [];
    for (const input of inputs) created.push(await ok(core, 'content.create', input));

    expect(created.map((c) => c.kind)).toEqual([
      'announcement',
      'appointment',
      'document',
      'smartpost',
      'process',
    ]);
    expect(created[0]).toMatchObject({
      title: 'Mitteilung',
      propertyName: 'WEG Musterstraße 12',
      data: { text: 'Text' },
    });
    expect(created[1]!.data).toEqual({
      startsAt: '2026-12-10T18:00',
      endsAt: '2026-12-10T20:30',
      place: 'Gemeinschaftsraum',
      text: null,
    });
    expect(created[2]!.data).toEqual({
      fileName: 'Hausordnung.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
    });
    expect(created[3]).toMatchObject({ propertyId: null, propertyName: null });
    expect(created[4]!.data).toEqual({
      description: 'Gutachter beauftragt',
      state: 'in_progress',
      contactIds: [situations.activeTenant.contactId, situations.activeOwner.contactId],
    });
    expect(created.every((c) => c.shares.length === 0)).toBe(true);

    const audit = auditRows(core).slice(before);
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual(
      created.map((c) => ['content.create', String(c.id)]),
    );
    expect(audit.some((a) => (a.after ?? '').includes(PDF.toString('base64')))).toBe(false);
  });

  it('updates an item (audited with before and after); an unchanged edit writes nothing', async () => {
    const core = await sharingCore();
    const created = await ok(core, 'content.create', {
      kind: 'process',
      title: 'Heizung',
      propertyId: null,
      description: null,
      state: 'open',
      contactIds: [],
    });
    const input: ContentInput = {
      kind: 'process',
      title: 'Heizung defekt',
      propertyId: null,
      description: 'Monteur kommt',
      state: 'done',
      contactIds: [],
    };
    const updated = await ok(core, 'content.update', { id: created.id, input });
    expect(updated).toMatchObject({
      title: 'Heizung defekt',
      data: { state: 'done', description: 'Monteur kommt' },
    });
    const last = auditRows(core).at(-1)!;
    expect(last).toMatchObject({
      action: 'content.update',
      entity: 'content',
      entity_id: String(created.id),
    });
    expect(JSON.parse(last.before!)).toMatchObject({ title: 'Heizung', state: 'open' });
    expect(JSON.parse(last.after!)).toMatchObject({ title: 'Heizung defekt', state: 'done' });
    const count = auditRows(core).length;
    await ok(core, 'content.update', { id: created.id, input });
    expect(auditRows(core)).toHaveLength(count);
    await expectRefused(
      core,
      'content.update',
      { id: created.id, input: { kind: 'announcement', title: 'x', propertyId: null, text: 'y' } },
      'INVALID_PAYLOAD',
    );
    await expectRefused(core, 'content.update', { id: 99_999, input }, 'NOT_FOUND');
  });

  it('refuses bad input with its code and writes nothing', async () => {
    const core = await sharingCore();
    const appointment = {
      kind: 'appointment',
      title: 'Ablesung',
      propertyId: null,
      startsAt: '2026-12-10T10:00',
      endsAt: '2026-12-10T10:00',
      place: null,
      text: null,
    } satisfies ContentInput;
    await expectRefused(core, 'content.create', appointment, 'INVALID_TIME_RANGE');
    await expectRefused(
      core,
      'content.create',
      { ...appointment, endsAt: '2026-12-10T09:00' },
      'INVALID_TIME_RANGE',
    );
    await expectRefused(
      core,
      'content.create',
      { ...appointment, startsAt: '2026-02-30T10:00' },
      'INVALID_DATE',
    );
    await expectRefused(
      core,
      'content.create',
      { ...appointment, endsAt: '2026-12-10T24:30' },
      'INVALID_DATE',
    );
    await expectRefused(
      core,
      'content.create',
      { kind: 'smartpost', title: 'Brief', propertyId: null, template: '{{anrede}} {{vorname}}' },
      'UNKNOWN_PLACEHOLDER',
      { placeholder: '{{vorname}}' },
    );
    await expectRefused(
      core,
      'content.create',
      { kind: 'smartpost', title: 'Brief', propertyId: null, template: 'Hallo {{name}' },
      'UNKNOWN_PLACEHOLDER',
    );
    await expectRefused(
      core,
      'content.create',
      {
        kind: 'process',
        title: 'Vorgang',
        propertyId: null,
        description: null,
        state: 'open',
        contactIds: [1, 99_999],
      },
      'UNKNOWN_CONTACT',
      { contactId: 99_999 },
    );
    await expectRefused(
      core,
      'content.create',
      { kind: 'announcement', title: 'Mitteilung', propertyId: 99_999, text: 'x' },
      'UNKNOWN_PROPERTY',
    );
    await expectRefused(
      core,
      'content.create',
      { kind: 'announcement', title: '  ', propertyId: null, text: 'x' },
      'REQUIRED',
    );
  });
});

describe('documents', () => {
  it('keeps the file content-addressed in <dataDir>/documents and gives it back', async () => {
    const core = await sharingCore();
    const first = await ok(core, 'content.create', documentInput(core, PDF));
    expect(documentFiles(core)).toEqual([sha256(PDF)]);
    expect(fs.readFileSync(path.join(core.dataDir, 'documents', sha256(PDF)))).toEqual(PDF);
    // The same bytes again: the same file.
    await ok(core, 'content.create', documentInput(core, PDF, { title: 'Kopie', fileName: 'Kopie.pdf' }));
    expect(documentFiles(core)).toEqual([sha256(PDF)]);

    const file = await ok(core, 'content.documentFile', {
      id: first.id,
    });
    expect(file).toEqual({
      fileName: 'Hausordnung.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF.toString('base64'),
    });

    // An edit without new bytes keeps the file; with new bytes it points to the new file.
    const renamed = await ok(core, 'content.update', {
      id: first.id,
      input: documentInput(core, PDF, { fileName: 'Hausordnung-2027.pdf', dataBase64: '' }),
    });
    expect(renamed.data).toMatchObject({ fileName: 'Hausordnung-2027.pdf', sha256: sha256(PDF) });
    const png = await ok(core, 'content.update', {
      id: first.id,
      input: documentInput(core, PNG, { fileName: 'Plan.png', mimeType: 'image/png' }),
    });
    expect(png.data).toMatchObject({ mimeType: 'image/png', size: PNG.length, sha256: sha256(PNG) });
    expect(documentFiles(core)).toEqual([sha256(PDF), sha256(PNG)].sort());

    const other = await ok(core, 'content.create', {
      kind: 'announcement',
      title: 'x',
      propertyId: null,
      text: 'y',
    });
    expect(await refused(core, 'content.documentFile', { id: other.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a file that is too large, of another type, or not what it claims to be', async () => {
    const core = await sharingCore();
    const tooLarge = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
    PDF.copy(tooLarge);
    await expectRefused(core, 'content.create', documentInput(core, tooLarge), 'FILE_TOO_LARGE');
    // Far above the limit: refused by the contract before it is even decoded.
    const farTooLarge = Buffer.alloc(MAX_DOCUMENT_BYTES + 4096, 0x20);
    await expectRefused(core, 'content.create', documentInput(core, farTooLarge), 'FILE_TOO_LARGE');
    await expectRefused(
      core,
      'content.create',
      invalidPayload({ ...documentInput(core, PDF), mimeType: 'application/zip', fileName: 'a.zip' }),
      'UNSUPPORTED_FILE_TYPE',
    );
    await expectRefused(core, 'content.create', documentInput(core, PNG), 'UNSUPPORTED_FILE_TYPE');
    await expectRefused(
      core,
      'content.create',
      documentInput(core, PDF, {
        mimeType: 'text/plain',
        fileName: 'Notiz.txt',
        dataBase64: Buffer.from([0x41, 0x00, 0x42]).toString('base64'),
      }),
      'UNSUPPORTED_FILE_TYPE',
    );
    await expectRefused(
      core,
      'content.create',
      documentInput(core, PDF, { dataBase64: 'not base64!' }),
      'UNSUPPORTED_FILE_TYPE',
    );
    await expectRefused(core, 'content.create', documentInput(core, PDF, { dataBase64: '' }), 'REQUIRED');
    expect(documentFiles(core)).toEqual([]);
    // Exactly at the limit is fine.
    const atLimit = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20);
    PDF.copy(atLimit);
    const created = await ok(core, 'content.create', documentInput(core, atLimit));
    expect(created.data).toMatchObject({ size: MAX_DOCUMENT_BYTES });
  });
});

describe('content.list', () => {
  it('pages newest first, filters by kind and counts who sees each item today', async () => {
    const core = await sharingCore();
    const ids: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const kind = i % 2 === 0 ? 'announcement' : 'smartpost';
      const input: ContentInput =
        kind === 'announcement'
          ? { kind, title: `Mitteilung ${i}`, propertyId: null, text: 'x' }
          : { kind, title: `Brief ${i}`, propertyId: null, template: 'Hallo {{name}}' };
      ids.push((await ok(core, 'content.create', input)).id);
    }
    const page = await ok(core, 'content.list', {
      offset: 1,
      limit: 2,
    });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.id)).toEqual([ids[3], ids[2]]);
    const announcements = await ok(core, 'content.list', {
      kind: 'announcement',
    });
    expect(announcements).toMatchObject({ total: 2 });
    expect(announcements.items.map((i) => i.id)).toEqual([ids[3], ids[1]]);
    expect(announcements.items.every((i) => i.visibleTo === 0)).toBe(true);
    const beyond = await ok(core, 'content.list', { offset: 50 });
    expect(beyond).toEqual({ total: 5, items: [] });

    const { situations } = core.portfolio;
    await ok(core, 'sharing.share', {
      contentId: ids[1]!,
      target: {
        mode: 'individual',
        contactIds: [situations.activeTenant.contactId, situations.recentlyEndedRegistered.contactId],
      },
    });
    const after = await ok(core, 'content.list', { kind: 'announcement' });
    expect(after.items.find((i) => i.id === ids[1])?.visibleTo).toBe(2);
    // Row count sanity: the shares are in the data store.
    expect(readDatabase(core, (db) => db.prepare('SELECT COUNT(*) AS n FROM shares').get())).toEqual({
      n: 2,
    });
  });
});
