/**
 * What the demo does right after its portfolio is loaded (with both access windows on: DEMO_ACCESS),
 * as a manager would on a first day, so that the app's purpose is visible in the first hour: content
 * of every kind on the showcase property shared by role (so its share dialog lists the contacts a
 * role share skips) and individually to contacts inside a window, and two pending invitations. Every step is an ordinary service call — its own change, audit row,
 * outbox messages (e-mails wait: no SMTP server is tested) and letters in the print batch — so the
 * Protokoll, the Postausgang and the portal preview show real entries.
 *
 * Deterministic: the contacts are the generator's planted situations and the first contacts of a
 * kind in id order; the dates are days from today. Only the codes and instants are the core's own.
 * The portfolio's load is one change (all or nothing); each step here is its own change after it.
 */
import { addDays } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/domain';
import type { DemoPortfolio } from '../demo/types';
import { formatDate } from '../mail/format';
import type { ContentService } from './contentService';
import type { InvitationService } from './invitations';
import type { PortfolioService } from './portfolioService';
import type { SharingService } from './sharing';

export interface ShowcaseServices {
  portfolio: PortfolioService;
  content: ContentService;
  sharing: SharingService;
  invitations: InvitationService;
}

const HOUSE_RULES = [
  'Hausordnung der WEG Musterstraße 12',
  '',
  '1. Ruhezeiten: werktags 22–6 Uhr und 13–15 Uhr, sonn- und feiertags ganztägig.',
  '2. Treppenhaus und Flure sind Fluchtwege und bleiben frei.',
  '3. Fahrräder gehören in den Fahrradkeller, Kinderwagen dürfen im Hausflur stehen.',
  '4. Müll wird getrennt; Sperrmüll meldet die Hausverwaltung an.',
  '',
].join('\n');

const READING_LETTER = [
  '{{anrede}}',
  '',
  'am {{datum}} beginnt die jährliche Ablesung der Heizkostenverteiler in {{liegenschaft}}.',
  'Für Ihre Einheit ({{einheit}}) melden wir uns mit einem Terminvorschlag.',
  '',
  'Bitte sorgen Sie dafür, dass die Heizkörper zugänglich sind.',
].join('\n');

/** Contacts with an open-ended tenant contract that started before today, no account, not planted. */
function plainActiveTenants(portfolio: DemoPortfolio, today: IsoDate): number[] {
  const planted = new Set(Object.values(portfolio.situations).flatMap((s) => s.contactIds));
  const registered = new Set(portfolio.portalAccounts.map((a) => a.contact_id));
  const contractsOf = new Map<number, DemoPortfolio['contracts']>();
  for (const c of portfolio.contracts)
    contractsOf.set(c.contact_id, [...(contractsOf.get(c.contact_id) ?? []), c]);
  return portfolio.contacts
    .filter((c) => c.archived === 0 && c.email !== null && !planted.has(c.id) && !registered.has(c.id))
    .filter((c) => {
      const contracts = contractsOf.get(c.id) ?? [];
      return (
        contracts.length === 1 &&
        contracts.every((k) => k.type === 'tenant' && k.start_date <= today && k.end_date === null)
      );
    })
    .map((c) => c.id);
}

export async function showcaseDemo(
  s: ShowcaseServices,
  portfolio: DemoPortfolio,
  today: IsoDate,
): Promise<void> {
  const { situations } = portfolio;
  const propertyId = portfolio.showcasePropertyId;
  const [startingSoon, secondSoon] = situations.tenantStartingSoon.contactIds;
  const [recentlyEnded, , endedLonger] = situations.recentlyEndedRegistered.contactIds;

  const heating = await s.content.create({
    kind: 'announcement',
    title: 'Heizungswartung im Haus',
    propertyId,
    text: `Am ${formatDate('de', addDays(today, 10))} wartet die Firma Wärme & Service die Heizungsanlage. Zwischen 8 und 12 Uhr gibt es kein Warmwasser.`,
  });
  // All tenants: the tenants before their contract start are skipped; one is added individually.
  await s.sharing.share(heating.id, { mode: 'role', role: 'tenant', propertyId, unitIds: null }, [
    startingSoon as number,
  ]);

  const meeting = await s.content.create({
    kind: 'appointment',
    title: 'Eigentümerversammlung',
    propertyId,
    startsAt: `${addDays(today, 21)}T18:00`,
    endsAt: `${addDays(today, 21)}T20:00`,
    place: 'Gemeinschaftsraum, EG',
    text: 'Tagesordnung: Jahresabrechnung, Wirtschaftsplan, Dachsanierung.',
  });
  await s.sharing.share(meeting.id, { mode: 'role', role: 'owner', propertyId, unitIds: null }, []);

  const rules = await s.content.create({
    kind: 'document',
    title: 'Hausordnung',
    propertyId,
    fileName: 'Hausordnung.txt',
    mimeType: 'text/plain',
    dataBase64: Buffer.from(HOUSE_RULES, 'utf8').toString('base64'),
  });
  await s.sharing.share(rules.id, { mode: 'role', role: 'all', propertyId, unitIds: null }, []);

  const reading = await s.content.create({
    kind: 'smartpost',
    title: 'Ablesung der Heizkostenverteiler',
    propertyId,
    template: READING_LETTER,
  });
  // A SmartPost goes to each recipient individually: here contacts inside the two windows.
  await s.sharing.share(
    reading.id,
    { mode: 'individual', contactIds: [startingSoon, secondSoon, recentlyEnded] as number[] },
    [],
  );

  const deposit = await s.content.create({
    kind: 'process',
    title: 'Kautionsabrechnung nach Auszug',
    propertyId,
    description: 'Wohnungsübergabe erfolgt, Nebenkostenabrechnung abwarten, dann Kaution auszahlen.',
    state: 'in_progress',
    contactIds: [endedLonger as number],
  });
  await s.sharing.share(deposit.id, { mode: 'individual', contactIds: [endedLonger as number] }, []);

  // Invited, not registered yet: one by e-mail (waits in the Postausgang), one by letter.
  const [byEmail, byLetter] = plainActiveTenants(portfolio, today);
  if (byEmail !== undefined) await s.invitations.create(byEmail, 'email');
  if (byLetter !== undefined) await s.invitations.create(byLetter, 'letter');
}

/** The first-start choice: the demo is loaded and then shown in use; an empty start stays empty. */
export function firstStartService(s: ShowcaseServices) {
  return {
    async choose(mode: 'demo' | 'empty') {
      if (mode === 'empty') return s.portfolio.chooseEmpty();
      const portfolio = await s.portfolio.loadDemo();
      await showcaseDemo(s, portfolio, portfolio.today);
      return s.portfolio.status();
    },
  };
}
