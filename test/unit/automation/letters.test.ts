import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { contact, contract, building, invitationCore, pdfTextLines, setAccess } from '../invitations/support';
import { ok } from '../support';

const DAY = '2026-11-27';
const CODE = /[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/;

describe('automatic invitation by letter and the preview', () => {
  it('puts the letter into the print batch, whose code is issued when printed and registers', async () => {
    const core = invitationCore(DAY);
    const b = await building(core, 1);
    await setAccess(core, { preContract: { enabled: true, days: 30 } });
    const c = await contact(core, { preference: 'postal', lastName: 'Postmann' });
    await contract(core, { contactId: c.contact.id, unitId: b.units[0]!.id, start: addDays(DAY, 31) });
    await ok(core, 'automation.updateSettings', { autoInvite: true, notice: { enabled: false, days: 14 } });

    const preview = await ok(core, 'automation.preview');
    expect(preview.enabled).toBe(true);
    expect(preview.days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => addDays(DAY, n)));
    expect(preview.days[0]?.invitations).toEqual([
      { contactId: c.contact.id, displayName: 'Anna Postmann', channel: 'letter', occasion: 'pre' },
    ]);
    expect(preview.days.slice(1).flatMap((d) => d.invitations)).toEqual([]);

    core.clock.set(addDays(DAY, 1));
    expect(await ok(core, 'automation.run')).toEqual({ days: [addDays(DAY, 1)], invited: 1, notices: 0 });
    const outbox = await ok(core, 'outbox.list', {});
    expect(outbox.lettersQueued).toBe(1);
    // The stored message never carries a code.
    const message = await ok(core, 'outbox.get', { id: outbox.items[0]!.id });
    expect(message.textBody).not.toMatch(CODE);

    const batch = await ok(core, 'outbox.printLetters');
    expect(batch).toMatchObject({ saved: true, count: 1 });
    const { lines } = await pdfTextLines(fs.readFileSync(core.saved.chosen[0]!));
    const code = CODE.exec(lines.join('\n'))?.[0];
    expect(code).toBeDefined();
    expect(await ok(core, 'invitations.redeem', { code: code! })).toMatchObject({ contactId: c.contact.id });
    // Invited: the preview of the next days no longer names the contact.
    expect((await ok(core, 'automation.preview')).days.flatMap((d) => d.invitations)).toEqual([]);
  });
});
