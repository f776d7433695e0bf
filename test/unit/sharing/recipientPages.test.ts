/**
 * The share dialog on a large property (a generated portfolio of 2,000 contacts with a 1,000-unit
 * property, pre 30 / post 60 days on): the preview carries the recipient count, the first page by
 * name, every skipped contact and every recipient without e-mail; `sharing.recipients` pages the rest.
 * Count and pages together are exactly the recipients of the pure policy's resolution, and the share
 * itself still reaches all of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARE_RECIPIENT_PAGE_SIZE, type ShareTarget } from '../../../shared/contract/content';
import type { ContactFacts, RoleShareScope } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';
import type { Request } from '../../../shared/ipc';
import { BENCH_TODAY, WINDOWS_ON, writeBenchDataDir } from '../../../scripts/bench/portfolio';
import { toContractFacts } from '../../../src-main/core/db/contractRepository';
import { generatePortfolio, type DemoPortfolio } from '../../../src-main/core/demo/generate';
import { individualShareAllowed, resolveRoleShare } from '../../../src-main/core/policy';
import { ok, refused, tempDir, testCore } from '../support';

const LARGE_PROPERTY = 2;
let portfolio: DemoPortfolio;
beforeAll(() => {
  portfolio = generatePortfolio({ seed: 7, today: BENCH_TODAY, contacts: 2000, largeProperties: [1000] });
});

/** A core on the large portfolio, and an announcement of the large property to share. */
async function largeCore() {
  const dataDir = tempDir('portal-share-pages-');
  writeBenchDataDir(dataDir, portfolio);
  const core = testCore(BENCH_TODAY, dataDir);
  const content = await ok(core, 'content.create', {
    kind: 'announcement',
    title: 'Aufzugswartung',
    propertyId: LARGE_PROPERTY,
    text: 'Der Aufzug steht am Dienstag still.',
  });
  return { core, contentId: content.id };
}

function contactFacts(): ContactFacts[] {
  const registered = new Set(portfolio.portalAccounts.map((a) => a.contact_id));
  return portfolio.contacts.map((c) => ({
    id: c.id,
    archived: c.archived === 1,
    registered: registered.has(c.id),
  }));
}

function policyResolution(scope: RoleShareScope) {
  return resolveRoleShare(
    scope,
    contactFacts(),
    portfolio.contracts.map(toContractFacts),
    WINDOWS_ON,
    BENCH_TODAY,
  );
}

const contactOf = (id: number) => portfolio.contacts.find((c) => c.id === id)!;

/** The contact list's order: sort_name, then id. */
function byName(ids: readonly number[]): number[] {
  return [...ids].sort((a, b) => {
    const x = contactOf(a).sort_name;
    const y = contactOf(b).sort_name;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

/** Every recipient, through sharing.recipients `limit` at a time; each page's total. */
async function allPages(
  core: ReturnType<typeof testCore>,
  contentId: number,
  target: ShareTarget,
  limit: number,
) {
  const ids: number[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = await ok(core, 'sharing.recipients', {
      contentId,
      target,
      offset,
      limit,
    });
    totals.add(page.total);
    ids.push(...page.items.map((item) => item.contactId));
    if (page.items.length < limit) return { ids, totals };
  }
}

const unitsOfLarge = () => portfolio.units.filter((u) => u.property_id === LARGE_PROPERTY).map((u) => u.id);

describe('sharing.preview and sharing.recipients on a 1,000-unit property', () => {
  const scopes: [string, () => RoleShareScope][] = [
    ['all contacts', () => ({ role: 'all', propertyId: LARGE_PROPERTY, unitIds: null })],
    ['tenants', () => ({ role: 'tenant', propertyId: LARGE_PROPERTY, unitIds: null })],
    ['owners', () => ({ role: 'owner', propertyId: LARGE_PROPERTY, unitIds: null })],
    [
      'tenants of 120 units',
      () => ({ role: 'tenant', propertyId: LARGE_PROPERTY, unitIds: unitsOfLarge().slice(0, 120) }),
    ],
  ];

  it.each(scopes)(
    '%s: count, first page and pages are the policy’s recipients; every skipped contact',
    async (_, scopeOf) => {
      const { core, contentId } = await largeCore();
      const scope = scopeOf();
      const target: ShareTarget = { mode: 'role', ...scope };
      const expected = policyResolution(scope);
      const recipients = byName(expected.recipients);

      const preview = await ok(core, 'sharing.preview', { contentId, target });
      expect(preview.recipientCount).toBe(recipients.length);
      expect(preview.recipients.map((r) => r.contactId)).toEqual(
        recipients.slice(0, SHARE_RECIPIENT_PAGE_SIZE),
      );
      expect(preview.recipients.every((r) => r.access.grant === 'active' && r.visibleToday)).toBe(true);
      // Every skipped contact, by name, with the window it is in.
      expect(preview.skipped.map((s) => [s.contactId, s.grant, s.windowEnd])).toEqual(
        byName(expected.skipped.map((s) => s.contactId)).map((id) => {
          const s = expected.skipped.find((k) => k.contactId === id)!;
          return [id, s.grant, s.windowEnd];
        }),
      );
      // How many recipients have no e-mail address, and the first of them by name.
      const byPost = recipients.filter(
        (id) => contactOf(id).email === null || contactOf(id).preference === 'postal',
      );
      expect(preview.needsPostCount).toBe(byPost.length);
      expect(preview.needsPost.map((n) => n.contactId)).toEqual(byPost.slice(0, SHARE_RECIPIENT_PAGE_SIZE));

      for (const limit of [SHARE_RECIPIENT_PAGE_SIZE, 37, 200]) {
        const pages = await allPages(core, contentId, target, limit);
        expect(pages.ids).toEqual(recipients);
        expect([...pages.totals]).toEqual([recipients.length]);
      }
    },
  );

  it('the large property needs more than one page and skips someone, and the share reaches everyone as before', async () => {
    const { core, contentId } = await largeCore();
    const target: ShareTarget = { mode: 'role', role: 'all', propertyId: LARGE_PROPERTY, unitIds: null };
    const preview = await ok(core, 'sharing.preview', { contentId, target });
    expect(preview.recipientCount).toBeGreaterThan(10 * SHARE_RECIPIENT_PAGE_SIZE);
    expect(preview.skipped.length).toBeGreaterThan(0);
    expect(preview.needsPostCount).toBeGreaterThan(SHARE_RECIPIENT_PAGE_SIZE);

    const result = await ok(core, 'sharing.share', {
      contentId,
      target,
      alsoIndividually: preview.skipped.map((s) => s.contactId),
    });
    expect(result.sharedWith).toBe(preview.recipientCount + preview.skipped.length);
    // Every recipient without e-mail is listed for a letter: the preview's count plus the skipped ones.
    const skippedByPost = preview.skipped.filter(
      (s) => contactOf(s.contactId).email === null || contactOf(s.contactId).preference === 'postal',
    ).length;
    expect(result.needsPost).toHaveLength(preview.needsPostCount + skippedByPost);
    expect(result.needsPost.map((n) => n.contactId)).toEqual(
      expect.arrayContaining(preview.needsPost.map((n) => n.contactId)),
    );
  });

  it('pages an individual share of many contacts: allowed ones by name, the others refused', async () => {
    const { core, contentId } = await largeCore();
    const facts = contactFacts();
    const contracts = portfolio.contracts.map(toContractFacts);
    // Every fifth contact of the portfolio: most have access today, some not.
    const picked = portfolio.contacts.filter((_, i) => i % 5 === 0).map((c) => c.id);
    const allowed = picked.filter(
      (id) =>
        individualShareAllowed(
          facts.find((c) => c.id === id)!,
          contracts.filter((k) => k.contactId === id),
          WINDOWS_ON,
          BENCH_TODAY,
        ).allowed,
    );
    expect(allowed.length).toBeGreaterThan(SHARE_RECIPIENT_PAGE_SIZE);
    expect(allowed.length).toBeLessThan(picked.length);
    const target: ShareTarget = { mode: 'individual', contactIds: picked };

    const preview = await ok(core, 'sharing.preview', { contentId, target });
    expect(preview.recipientCount).toBe(allowed.length);
    expect(preview.needsPostCount).toBe(
      allowed.filter((id) => contactOf(id).email === null || contactOf(id).preference === 'postal').length,
    );
    expect(preview.recipients.map((r) => r.contactId)).toEqual(
      byName(allowed).slice(0, SHARE_RECIPIENT_PAGE_SIZE),
    );
    expect(preview.refused.map((r) => r.contactId)).toEqual(
      byName(picked.filter((id) => !allowed.includes(id))),
    );
    const pages = await allPages(core, contentId, target, 64);
    expect(pages.ids).toEqual(byName(allowed));
    expect([...pages.totals]).toEqual([allowed.length]);
  });

  it('refuses a page of an unknown content, property or unit as the preview does', async () => {
    const { core, contentId } = await largeCore();
    const target: ShareTarget = { mode: 'role', role: 'tenant', propertyId: LARGE_PROPERTY, unitIds: null };
    const foreignUnit = portfolio.units.find((u) => u.property_id !== LARGE_PROPERTY)!.id;
    for (const [payload, code] of [
      [{ contentId: 99_999, target }, 'NOT_FOUND'],
      [{ contentId, target: { ...target, propertyId: 99_999 } }, 'UNKNOWN_PROPERTY'],
      [{ contentId, target: { ...target, unitIds: [foreignUnit] } }, 'UNKNOWN_UNIT'],
    ] satisfies [Request<'sharing.preview'>, ErrorCode][]) {
      expect(await refused(core, 'sharing.recipients', payload)).toMatchObject({ code });
      expect(await refused(core, 'sharing.preview', payload)).toMatchObject({ code });
    }
  });
});
