import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/domain';
import { DEMO_ACCESS } from '../../../src-main/core/services/portfolioService';
import { ok } from '../support';
import type { InvitationCore } from '../invitations/support';
import {
  automatedDemo,
  automaticallyAuditedInvitations,
  automaticInvitations,
  owedInvitations,
  secondCore,
  START,
} from './support';

const DAYS = 90;

/** Runs `day` (through `run`) and checks it against the policy: exactly the owed, by their channel. */
async function runAndCheck(
  core: InvitationCore,
  day: IsoDate,
  invitedContracts: Set<number>,
  run: () => Promise<unknown>,
): Promise<number> {
  core.clock.set(day);
  const owed = owedInvitations(core, DEMO_ACCESS, day, invitedContracts);
  await run();
  const made = automaticInvitations(core).filter((invitation) => invitation.day === day);
  expect(
    made.map(({ contactId, contractId, channel }) => ({ contactId, contractId, channel })),
    day,
  ).toEqual(owed.map(({ contactId, contractId, channel }) => ({ contactId, contractId, channel })));
  for (const invitation of made) {
    invitedContracts.add(invitation.contractId);
    expect(invitation.invitationChannel).toBe(invitation.channel);
    expect(invitation.outboxChannel).toBe(invitation.channel);
    expect(invitation.outboxKind).toBe('invitation');
  }
  return made.length;
}

function expectNothingTwice(core: InvitationCore): void {
  const all = automaticInvitations(core);
  expect(new Set(all.map((i) => i.contractId)).size).toBe(all.length);
  expect(automaticallyAuditedInvitations(core)).toBe(all.length);
}

describe('automatic invitation over 90 days of the demo portfolio', () => {
  it('invites every contact entering a window exactly once, by e-mail or letter as the policy says', async () => {
    const core = await automatedDemo();
    const invited = new Set<number>();
    let total = 0;
    let letters = 0;
    for (let i = 0; i < DAYS; i += 1) {
      total += await runAndCheck(core, addDays(START, i), invited, () => ok(core, 'automation.run'));
    }
    letters = automaticInvitations(core).filter((i) => i.channel === 'letter').length;
    // The demo plants contacts arriving by e-mail and by post within the quarter.
    expect(total).toBeGreaterThan(5);
    expect(letters).toBeGreaterThan(0);
    expect(letters).toBeLessThan(total);
    expectNothingTwice(core);
    // A restart on the last day runs nothing again.
    expect(await ok(core, 'automation.run')).toEqual({ days: [], invited: 0, notices: 0 });
  });

  it('sends nothing twice when the clock jumps back a day, and catches up days it missed', async () => {
    const core = await automatedDemo();
    const invited = new Set<number>();
    const run = () => ok(core, 'automation.run');
    for (let i = 0; i < 45; i += 1) {
      await runAndCheck(core, addDays(START, i), invited, run);
      if (i % 10 === 9) {
        // Set back a day: that day ran, nothing is owed again.
        const before = automaticInvitations(core).length;
        core.clock.set(addDays(START, i - 1));
        expect(await run()).toMatchObject({ invited: 0 });
        expect(automaticInvitations(core)).toHaveLength(before);
      }
    }
    // The app was off for 5 days: they are run on the next start, each as its own day.
    const skipped = [45, 46, 47, 48, 49].map((i) => addDays(START, i));
    const owed = skipped.flatMap((day) => owedInvitations(core, DEMO_ACCESS, day, invited));
    core.clock.set(addDays(START, 50));
    const owedToday = owedInvitations(core, DEMO_ACCESS, addDays(START, 50), invited);
    await run();
    const caughtUp = automaticInvitations(core).filter((i) => i.day >= skipped[0]!);
    expect(caughtUp.map((i) => i.contactId).sort()).toEqual(
      [...owed, ...owedToday].map((d) => d.contactId).sort(),
    );
    expectNothingTwice(core);
  });

  it('sends nothing twice with two cores on one data store, whichever runs first', async () => {
    const core = await automatedDemo();
    const second = secondCore(core, core.clock);
    try {
      const invited = new Set<number>();
      for (let i = 0; i < 40; i += 1) {
        await runAndCheck(core, addDays(START, i), invited, async () => {
          const first =
            i % 2 === 0 ? () => ok(core, 'automation.run') : () => second.services.automation.run();
          const then =
            i % 2 === 0 ? () => second.services.automation.run() : () => ok(core, 'automation.run');
          await first();
          await then();
        });
      }
      expectNothingTwice(core);
      // Two runs asked for at once in one core are one run.
      const [a, b] = await Promise.all([ok(core, 'automation.run'), ok(core, 'automation.run')]);
      expect(a).toEqual(b);
    } finally {
      second.close();
    }
  });

  it('does nothing while switched off, and starts from the day it is switched on', async () => {
    const core = await automatedDemo();
    await ok(core, 'automation.updateSettings', { autoInvite: false, notice: { enabled: false, days: 14 } });
    core.clock.set(addDays(START, 10));
    expect(await ok(core, 'automation.run')).toEqual({ days: [], invited: 0, notices: 0 });
    expect(automaticInvitations(core)).toEqual([]);
    await ok(core, 'automation.updateSettings', { autoInvite: true, notice: { enabled: false, days: 14 } });
    const owed = owedInvitations(core, DEMO_ACCESS, addDays(START, 10), new Set());
    await ok(core, 'automation.run');
    expect(automaticInvitations(core).map((i) => [i.day, i.contactId])).toEqual(
      owed.map((due) => [addDays(START, 10), due.contactId]),
    );
  });
});
