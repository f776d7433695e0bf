/** The Übersicht's to-do "invitations not taken up for 14 days" (invitations.waiting). */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { ok } from '../support';
import { building, contact, contract, invitationCore, TODAY } from './support';

describe('invitations.waiting', () => {
  it('counts pending invitations sent more than 14 days ago until they expire or are taken up', async () => {
    const core = invitationCore();
    const { units } = await building(core, 2);
    const waiting = await contact(core);
    const redeemed = await contact(core);
    await contract(core, { contactId: waiting.contact.id, unitId: units[0]!.id });
    await contract(core, { contactId: redeemed.contact.id, unitId: units[1]!.id });
    await ok(core, 'invitations.create', { contactId: waiting.contact.id, channel: 'code' });
    const { code } = await ok(core, 'invitations.create', {
      contactId: redeemed.contact.id,
      channel: 'code',
    });

    core.clock.set(addDays(TODAY, 14));
    expect(await ok(core, 'invitations.waiting')).toEqual({ count: 0 });
    core.clock.set(addDays(TODAY, 15));
    expect(await ok(core, 'invitations.waiting')).toEqual({ count: 2 });
    await ok(core, 'invitations.redeem', { code: code! });
    expect(await ok(core, 'invitations.waiting')).toEqual({ count: 1 });
    // Valid for 30 days: on the 31st it has expired and is no longer waiting.
    core.clock.set(addDays(TODAY, 31));
    expect(await ok(core, 'invitations.waiting')).toEqual({ count: 0 });
  });
});
