import type { AccessSettings } from '../../../shared/domain';
import type { AppStatus, Organisation, PortfolioOverview } from '../../../shared/ipc';
import { DomainError } from '../../../shared/errors';
import { portfolioChanged, type CoreContext } from '../context';
import { portfolioRepository } from '../db/portfolioRepository';
import { writePortfolio } from '../db/portfolioWriter';
import { settingsRepository } from '../db/settingsRepository';
import { generatePortfolio, type DemoPortfolio } from '../demo/generate';
import { FIRST_START_KEY, isDemoStore } from './demoStore';
import { ACCESS_KEY, type SettingsService } from './settingsService';

export const DEMO_SEED = 20261127;
/**
 * The demo's letterhead, so that letters and e-mails can be tried; a reserved domain (.invalid), so
 * nothing can ever reach a real portal. An empty start keeps the placeholders and the checklist.
 */
export const DEMO_ORGANISATION: Organisation = {
  name: 'Hausverwaltung Lindner GmbH',
  street: 'Lindenallee 1',
  postcode: '10115',
  city: 'Berlin',
  portalUrl: 'https://kundenportal.demo.invalid',
};
const ORGANISATION_KEY = 'organisation';
/**
 * The demo's Rollen & Zugriffsrechte: both windows on (pre-contract 30 days, post-contract 60
 * days) and a licence of 250 portal seats, so that the first hour shows what the app is for.
 */
export const DEMO_ACCESS: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 60 },
  seatQuota: 250,
};

/** The portfolio as a whole: first start (demo or empty), and the overview figures. */
export function portfolioService(ctx: CoreContext, settings: SettingsService) {
  const settingsRows = settingsRepository(ctx.db);
  const portfolioRows = portfolioRepository(ctx.store);

  async function status(): Promise<AppStatus> {
    const today = ctx.clock.today();
    const needsFirstStartChoice =
      (await portfolioRows.isEmpty()) && settingsRows.get(FIRST_START_KEY) === undefined;
    return {
      today,
      needsFirstStartChoice,
      demo: isDemoStore(settingsRows),
      demoOffer: needsFirstStartChoice ? demoSize(today) : null,
    };
  }

  /** What the demo of `today` holds, as its lists show it (the welcome screen's promise). */
  function demoSize(today: string): NonNullable<AppStatus['demoOffer']> {
    const portfolio = generatePortfolio({ seed: DEMO_SEED, today });
    return {
      properties: portfolio.properties.length,
      units: portfolio.units.length,
      contacts: portfolio.contacts.filter((contact) => contact.archived === 0).length,
    };
  }

  /** Fills an empty data store with the demo portfolio, relative to today, in one transaction. */
  async function loadDemo(): Promise<DemoPortfolio> {
    if (!(await portfolioRows.isEmpty())) throw new DomainError('PORTFOLIO_NOT_EMPTY');
    const today = ctx.clock.today();
    const portfolio = generatePortfolio({ seed: DEMO_SEED, today });
    await ctx.change(
      async (audit) => {
        writePortfolio(ctx.db, portfolio);
        settingsRows.set(FIRST_START_KEY, 'demo');
        const letterhead = settingsRows.get(ORGANISATION_KEY) === undefined;
        if (letterhead) settingsRows.set(ORGANISATION_KEY, DEMO_ORGANISATION);
        const windows = settingsRows.get(ACCESS_KEY) === undefined;
        if (windows) settingsRows.set(ACCESS_KEY, DEMO_ACCESS);
        audit({
          action: 'demo.load',
          entity: 'portfolio',
          after: {
            seed: DEMO_SEED,
            today,
            contacts: portfolio.contacts.length,
            organisation: letterhead ? DEMO_ORGANISATION : null,
            access: windows ? DEMO_ACCESS : null,
          },
        });
      },
      { emits: portfolioChanged },
    );
    return portfolio;
  }

  return {
    status,
    loadDemo,

    /** The first-start choice "empty" (the demo is firstStartService's: loadDemo and its showcase). */
    async chooseEmpty(): Promise<AppStatus> {
      if (settingsRows.get(FIRST_START_KEY) === undefined) {
        await ctx.change(
          async (audit) => {
            settingsRows.set(FIRST_START_KEY, 'empty');
            audit({
              action: 'app.firstStart',
              entity: 'settings',
              entityId: FIRST_START_KEY,
              after: 'empty',
            });
          },
          { emits: {} },
        );
      }
      return status();
    },

    async overview(): Promise<PortfolioOverview> {
      const today = ctx.clock.today();
      const { byGrant, seats } = (await ctx.figures()).accessOn(today);
      return {
        ...(await portfolioRows.totals()),
        contactsByAccess: byGrant,
        seats: { used: seats, quota: settings.getAccess().seatQuota },
      };
    },
  };
}
export type PortfolioService = ReturnType<typeof portfolioService>;
