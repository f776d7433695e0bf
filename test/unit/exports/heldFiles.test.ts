/**
 * Letters a change makes (here: invitation letters with their registration codes) are held in the
 * main process and written only where the user chooses (`exports.save`); the answer over IPC names
 * the file and never carries its bytes.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_HELD } from '../../../src-main/core/exports/heldFiles';
import { invitationCore, invite, tenant, TEST_ORGANISATION } from '../invitations/support';
import { ok, refused, savedHeld } from '../support';

async function letterCore() {
  const core = invitationCore();
  await ok(core, 'organisation.update', TEST_ORGANISATION);
  return core;
}

async function letterInvitation(core: Awaited<ReturnType<typeof letterCore>>) {
  const { contact } = await tenant(core, { email: null, preference: 'postal' });
  return { contact, created: await invite(core, contact.contact.id, 'letter') };
}

describe('letters held for saving', () => {
  it('answers a name and count only; saved where the user chooses, as often as asked', async () => {
    const core = await letterCore();
    const { contact, created } = await letterInvitation(core);
    expect(created.letter).toEqual({
      id: expect.any(String),
      fileName: `Einladungsbrief-${contact.contact.referenceId}.pdf`,
      count: 1,
    });
    // Nothing of the PDF travels in the answer.
    expect(JSON.stringify(created)).not.toContain('JVBERi0'); // "%PDF-" in base64
    const first = await savedHeld(core, created.letter);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Saved again (a second copy, or after a cancelled dialog): the same letter with the same code.
    expect((await savedHeld(core, created.letter)).equals(first)).toBe(true);
    expect(core.saved.chosen).toHaveLength(2);
  });

  it('a cancelled save dialog writes nothing, and the letters stay ready to save', async () => {
    const core = await letterCore();
    const { created } = await letterInvitation(core);
    const choose = core.saved.choose;
    core.saved.choose = () => Promise.resolve(null);
    expect(await ok(core, 'exports.save', { id: created.letter!.id })).toEqual({ saved: false });
    core.saved.choose = choose;
    expect((await savedHeld(core, created.letter)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it(`keeps the newest ${MAX_HELD}: an older one is EXPORT_GONE and nothing is written`, async () => {
    const core = await letterCore();
    const made = [];
    for (let i = 0; i <= MAX_HELD; i++) made.push((await letterInvitation(core)).created.letter!);
    expect(await refused(core, 'exports.save', { id: made[0]!.id })).toMatchObject({ code: 'EXPORT_GONE' });
    expect(core.saved.chosen).toEqual([]);
    for (const file of made.slice(1)) await savedHeld(core, file);
    expect(core.saved.chosen.every((file) => fs.existsSync(file))).toBe(true);
  });
});
