/** The reading questions: seat usage, one contact's access, a role share of the largest property. */
import type { ContactFacts, ContractFacts } from '../../shared/domain';
import { isChannel } from '../../shared/ipc';
import { addDays } from '../../shared/dates';
import { contactAccess } from '../../src-main/core/policy';
import { WINDOWS_ON } from './portfolio';
import { ACCESS_SAMPLES, gc, type Session } from './session';
import { measure, measureSync, single, timeOnce, timeSync } from './stats';

export async function askSeats(m: Session): Promise<void> {
  const { invoke, row, s, bounds, settingsRows, repo, figures, db, today } = m;
  // ── seats: the overview (counts, contacts by access, seats) and the bare seat count
  const overviewFirst = row('overviewFirst', 'seat usage: overview, first after open', 'portfolio.overview');
  overviewFirst.app = single((await timeOnce(() => invoke('portfolio.overview'))).ms);
  const overview = row('overview', 'seat usage: overview (counts, by access, seats)', 'portfolio.overview');
  gc();
  overview.app = await measure(10, () => invoke('portfolio.overview'), { warmup: 1 });
  overview.floor = measureSync(
    10,
    () => {
      settingsRows.get('access');
      s.totals.all();
      s.accessBase.all();
    },
    1,
  );
  const seats = row('seatCount', 'seat usage: the seat count alone', 'accessFigures.accessOn');
  seats.app = measureSync(20, () => figures.accessOn(today).seats, 2);
  seats.floor = measureSync(20, () => s.accessBase.all(), 2);
  const recount = row(
    'seatRecount',
    'seat usage: recounted from all contracts (SQL)',
    'accessRepository.seatsUsed',
  );
  recount.app = measureSync(5, () => repo.seatsUsed(WINDOWS_ON, today), 1);
  recount.floor = measureSync(5, () => s.seatCount.get(bounds), 1);
  const forecast = row('seatForecast', 'seat forecast, 12 months (chart)', 'settings.seatForecast');
  gc();
  forecast.app = await measure(10, () => invoke('settings.seatForecast'), { warmup: 1 });
  const turnover = row('dayTurnover', 'the day turning over: figures advanced once', 'accessFigures.settle');
  turnover.app = single(
    timeSync(() => {
      try {
        db.transaction(() => {
          figures.settle(WINDOWS_ON, addDays(today, 1));
          throw new Error('rolled back: measured only');
        })();
      } catch {
        // the advance is rolled back: the app's own connection advances it when its day turns
      }
    }).ms,
  );
}

export async function askContactAccess(m: Session): Promise<void> {
  const { invoke, row, s, settingsRows, contacts, contracts, repo, contactIds, today } = m;
  // ── one contact's access: the contact page, the repository + policy, the policy alone
  const contactGet = row('contactGet', "one contact's access: the contact page", 'contacts.get');
  gc();
  contactGet.app = await measure(ACCESS_SAMPLES, (i) => invoke('contacts.get', { id: contactIds[i] }));
  // The contracts come through the storage port (async), like the app's.
  contactGet.floor = await measure(ACCESS_SAMPLES, async (i) => {
    const id = contactIds[i] as number;
    settingsRows.get('access');
    contacts.get(id);
    contacts.registeredAt(id);
    await contracts.viewsOfContact(id);
    contacts.latestInvitation(id);
  });
  const narrow = row('access', "one contact's access: repository + policy", 'contractsOf + contactAccess');
  const factsOf = (id: number): ContactFacts => ({ id, archived: false, registered: false });
  gc();
  narrow.app = measureSync(ACCESS_SAMPLES, (i) => {
    const id = contactIds[i] as number;
    contactAccess(factsOf(id), repo.contractsOf(id), WINDOWS_ON, today);
  });
  narrow.floor = measureSync(ACCESS_SAMPLES, (i) => s.contractsOfContact.all(contactIds[i]));
  const prefetched: ContractFacts[][] = contactIds.map((id) => repo.contractsOf(id));
  row('policy', "one contact's access: the policy alone", 'contactAccess').app = measureSync(
    ACCESS_SAMPLES,
    (i) =>
      contactAccess(factsOf(contactIds[i] as number), prefetched[i] as ContractFacts[], WINDOWS_ON, today),
  );
}

export async function askRoleShare(m: Session): Promise<void> {
  const { invoke, row, rows, notes, s, bounds, repo, largest, facts, today } = m;
  // ── role share "all tenants" of the largest property: the share dialog's preview (when it
  // exists), a page of its recipient list, and the resolution alone. Floor: the resolution's
  // two statements; the preview's: the recipients by name with their e-mail and the skipped
  // contacts, then the rows, contracts and unit names of the first page and the skipped, and the
  // rows of the first page of those without e-mail; a page's: count and page, then the page's rows,
  // contracts and unit names.
  const scope = { ...bounds, propertyId: largest, allUnits: 1, unitIds: '[]', role: 'tenant' };
  const resolveFloor = () => {
    const recipients = s.roleRecipients.all(scope) as { contact_id: number }[];
    const skipped = s.roleWindowContracts.all(scope) as { contact_id: number }[];
    return [...recipients, ...skipped].map((r) => r.contact_id);
  };
  /** The rows, contracts and unit names of the contacts a view is built for. */
  const viewFloor = (ids: readonly number[]) => {
    const json = JSON.stringify(ids);
    s.recipientRows.all(json);
    const own = s.contractsOfIds.all(json) as { unit_id: number }[];
    s.unitNames.all(JSON.stringify([...new Set(own.map((k) => k.unit_id))]));
  };
  if (isChannel('sharing.preview') && isChannel('content.create')) {
    const preview = row(
      'sharingPreview',
      'role share "all tenants", largest property: dialog',
      'sharing.preview',
    );
    const further = isChannel('sharing.recipients')
      ? row('sharingPage', 'role share "all tenants", largest property: list page', 'sharing.recipients')
      : null;
    try {
      const content = await invoke<{ id: number }>('content.create', {
        kind: 'announcement',
        title: 'Benchmark: Hinweis an alle Mieter',
        propertyId: largest,
        text: 'Die Heizung wird am Montag gewartet.',
      });
      const payload = {
        contentId: content.id,
        target: { mode: 'role', role: 'tenant', propertyId: largest, unitIds: null },
      };
      const answer = await invoke<{
        recipientCount: number;
        recipients: unknown[];
        skipped: unknown[];
        needsPostCount: number;
      }>('sharing.preview', payload);
      preview.info =
        `${answer.recipientCount} recipients (${answer.recipients.length} on the first page), ` +
        `${answer.skipped.length} skipped, ${answer.needsPostCount} without e-mail`;
      gc();
      preview.app = await measure(20, () => invoke('sharing.preview', payload), { warmup: 3 });
      const pageSize = Math.max(1, answer.recipients.length);
      preview.floor = measureSync(
        20,
        () => {
          const reached = s.roleRecipientsByName.all(scope) as { id: number; email: string | null }[];
          const skipped = (s.roleWindowContracts.all(scope) as { contact_id: number }[]).map(
            (r) => r.contact_id,
          );
          viewFloor([...reached.slice(0, pageSize).map((r) => r.id), ...skipped]);
          const byPost = reached.filter((r) => r.email === null).slice(0, pageSize);
          s.recipientRows.all(JSON.stringify(byPost.map((r) => r.id)));
        },
        3,
      );
      if (further !== null) {
        // The middle page of the list: SQL sorts the whole set whichever page is asked for.
        const page = {
          ...payload,
          offset: Math.floor(answer.recipientCount / 2 / pageSize) * pageSize,
          limit: pageSize,
        };
        further.info = `${pageSize} recipients from offset ${page.offset}`;
        gc();
        further.app = await measure(20, () => invoke('sharing.recipients', page), { warmup: 3 });
        further.floor = measureSync(
          20,
          () => {
            s.roleRecipientCount.get(scope);
            const rows = s.roleRecipientPage.all({ ...scope, offset: page.offset, limit: page.limit }) as {
              id: number;
            }[];
            viewFloor(rows.map((r) => r.id));
          },
          3,
        );
      }
    } catch (error) {
      rows.delete('sharingPreview');
      rows.delete('sharingPage');
      notes.push(`sharing.preview could not be measured: ${(error as Error).message}`);
    }
  } else {
    notes.push(
      'sharing.preview does not exist yet: the role share is measured on accessRepository.resolveRoleShare.',
    );
  }
  const resolve = row(
    'roleShare',
    'role share "all tenants", largest property: resolution',
    'accessRepository.resolveRoleShare',
  );
  const roleScope = { propertyId: largest, unitIds: null, role: 'tenant' } as const;
  const resolution = repo.resolveRoleShare(roleScope, WINDOWS_ON, today);
  resolve.info = `${resolution.recipients.length} recipients, ${resolution.skipped.length} skipped (${facts.largestPropertyUnits} units)`;
  gc();
  resolve.app = measureSync(50, () => repo.resolveRoleShare(roleScope, WINDOWS_ON, today), 5);
  resolve.floor = measureSync(50, resolveFloor, 5);
}
