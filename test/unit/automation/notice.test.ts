import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates';
import { DEMO_ACCESS } from '../../../src-main/core/services/portfolioService';
import { ok } from '../support';
import { automatedDemo, automaticNotices, owedNotices, START } from './support';

const NOTICE_DAYS = 14;

describe('notice before access ends over 90 days of the demo portfolio', () => {
  it('tells every registered contact whose access after contract end ends exactly once, N days before', async () => {
    const core = await automatedDemo();
    await ok(core, 'automation.updateSettings', {
      autoInvite: true,
      notice: { enabled: true, days: NOTICE_DAYS },
    });
    const told = new Set<string>();
    for (let i = 0; i < 90; i += 1) {
      const day = addDays(START, i);
      core.clock.set(day);
      const owed = owedNotices(core, DEMO_ACCESS, day, NOTICE_DAYS, told);
      await ok(core, 'automation.run');
      if (i % 15 === 14) {
        // A clock set back a day sends nothing again.
        core.clock.set(addDays(day, -1));
        await ok(core, 'automation.run');
        core.clock.set(day);
      }
      const made = automaticNotices(core).filter((notice) => notice.day === day);
      expect(
        made.map((n) => [n.contactId, n.subject]),
        day,
      ).toEqual(owed.map((due) => [due.contactId, `ends:${due.accessEnds}`]));
      for (const notice of made) told.add(`${notice.contactId}:${notice.subject.slice(5)}`);
    }
    const all = automaticNotices(core);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((n) => `${n.contactId}:${n.subject}`)).size).toBe(all.length);
    for (const notice of all) {
      expect(notice.outboxChannel).toBe(notice.channel);
      expect(notice.outboxKind).toBe('stored');
      const ends = notice.subject.slice(5);
      // In the contact's language, naming the last day of access, NOTICE_DAYS after the notice (or less).
      expect(ends >= notice.day && ends <= addDays(notice.day, NOTICE_DAYS)).toBe(true);
      const [y, m, d] = ends.split('-');
      expect(notice.outboxSubject).toContain(notice.language === 'de' ? `${d}.${m}.${y}` : String(Number(y)));
      expect(notice.outboxText).toMatch(notice.language === 'de' ? /Dokumente/ : /documents/);
    }
  });
});
