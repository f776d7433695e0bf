import type { AppStatus, PortfolioOverview } from '../../../shared/ipc';
import { DomainError } from '../../../shared/errors';
import { portfolioChanged, type CoreContext } from '../context';
import { portfolioRepository } from '../db/portfolioRepository';
import { writePortfolio } from '../db/portfolioWriter';
import { settingsRepository } from '../db/settingsRepository';
import { generatePortfolio } from '../demo/generate';
import type { SettingsService } from './settingsService';

const FIRST_START_KEY = 'firstStart';
export const DEMO_SEED = 20261127;

/** The portfolio as a whole: first start (demo or empty), and the overview figures. */
export function portfolioService(ctx: CoreContext, settings: SettingsService) {
  const settingsRows = settingsRepository(ctx.db);
  const portfolioRows = portfolioRepository(ctx.db);

  function status(): AppStatus {
    return {
      today: ctx.clock.today(),
      needsFirstStartChoice: portfolioRows.isEmpty() && settingsRows.get(FIRST_START_KEY) === undefined,
    };
  }

  /** Fills an empty data store with the demo portfolio, relative to today, in one transaction. */
  function loadDemo(): void {
    if (!portfolioRows.isEmpty()) throw new DomainError('PORTFOLIO_NOT_EMPTY');
    const today = ctx.clock.today();
    const portfolio = generatePortfolio({ seed: DEMO_SEED, today });
    ctx.change(
      (audit) => {
        writePortfolio(ctx.db, portfolio);
        settingsRows.set(FIRST_START_KEY, 'demo');
        audit({
          action: 'demo.load',
          entity: 'portfolio',
          after: { seed: DEMO_SEED, today, contacts: portfolio.contacts.length },
        });
      },
      { emits: portfolioChanged },
    );
  }

  return {
    status,
    loadDemo,

    chooseFirstStart(mode: 'demo' | 'empty'): AppStatus {
      if (mode === 'demo') {
        loadDemo();
      } else if (settingsRows.get(FIRST_START_KEY) === undefined) {
        ctx.change(
          (audit) => {
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

    overview(): PortfolioOverview {
      const today = ctx.clock.today();
      const { byGrant, seats } = ctx.figures().accessOn(today);
      return {
        ...portfolioRows.totals(),
        contactsByAccess: byGrant,
        seats: { used: seats, quota: settings.getAccess().seatQuota },
      };
    },
  };
}
