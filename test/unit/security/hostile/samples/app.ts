/** Valid samples of the app, preferences, settings, backups, start-up and data protection channels. */
import { startupChoices } from '../../../../../shared/contract/startup';
import type { appChannels } from '../../../../../shared/contract/app';
import type { backupChannels } from '../../../../../shared/contract/backups';
import type { dataProtectionChannels } from '../../../../../shared/contract/dataProtection';
import type { exportChannels } from '../../../../../shared/contract/exports';
import type { preferencesChannels } from '../../../../../shared/contract/preferences';
import type { settingsChannels } from '../../../../../shared/contract/settings';
import type { startupChannels } from '../../../../../shared/contract/startup';
import type { Fixture } from '../fixture';
import { k, none, page, type SamplesOf } from '../kinds';

type AppChannels = keyof (typeof appChannels &
  typeof preferencesChannels &
  typeof settingsChannels &
  typeof backupChannels &
  typeof startupChannels &
  typeof dataProtectionChannels &
  typeof exportChannels);

export function appSamples(f: Fixture): SamplesOf<AppChannels> {
  const window = { enabled: k.bool(), days: k.int(1, 365) };
  const access = {
    payload: {
      preContract: { enabled: true, days: 30 },
      postContract: { enabled: true, days: 60 },
      seatQuota: 1000,
    },
    fields: {
      'preContract.enabled': window.enabled,
      'preContract.days': window.days,
      'postContract.enabled': window.enabled,
      'postContract.days': window.days,
      seatQuota: k.int(0, 10_000_000, { nullable: true }),
    },
  };
  const dayBound = k.date({ nullable: true, optional: true });
  const auditFilter = {
    contactId: k.id({ nullable: true, optional: true }),
    propertyId: k.id({ nullable: true, optional: true }),
    contentId: k.id({ nullable: true, optional: true }),
    action: k.optText(80, { optional: true }),
    actor: k.optText(200, { optional: true }),
    importId: k.id({ nullable: true, optional: true }),
  };

  return {
    // A held file's id (a UUID): a fresh store holds none, so the valid sample is EXPORT_GONE.
    'exports.save': [
      { payload: { id: '3f2c8a4e-9b1d-4c3e-8f6a-1d2e3f4a5b6c' }, fields: { id: k.reqText(36) } },
    ],
    'app.status': none,
    'app.chooseFirstStart': [{ payload: 'empty', fields: { '': k.enum(['demo', 'empty']) } }],
    'preferences.get': none,
    'preferences.update': [{ payload: { language: 'en' }, fields: { language: k.enum(['de', 'en']) } }],
    'settings.getAccess': none,
    'settings.updateAccess': [access],
    'settings.previewAccessImpact': [access],
    'settings.seatForecast': none,
    'settings.previewSeatForecast': [access],
    'backups.list': none,
    'backups.create': none,
    'backups.restore': [{ payload: { name: f.backupName }, fields: { name: k.reqText(80) } }],
    'backups.delete': [{ payload: { name: f.backupName }, fields: { name: k.reqText(80) } }],
    'startup.state': none,
    'startup.choose': [
      {
        payload: { choice: 'restoreBackup', name: '2026-11-27T07-31-00Z-manual.db' },
        fields: { choice: k.enum([...startupChoices]), name: k.reqText(80) },
      },
      { payload: { choice: 'quit' }, fields: { choice: k.enum([...startupChoices]) } },
    ],
    'dataProtection.getSettings': none,
    'dataProtection.updateSettings': [
      { payload: { retentionMonths: 36 }, fields: { retentionMonths: k.int(1, 120) } },
    ],
    'dataProtection.candidates': [{ payload: { offset: 0, limit: 50 }, fields: page(10_000_000) }],
    'dataProtection.anonymise': [
      { payload: { contactIds: [f.candidateId] }, fields: { contactIds: k.ids(500, { min: 1 }) } },
    ],
    'auditLog.list': [
      {
        payload: {
          from: '2026-11-01',
          to: '2026-11-27',
          contactId: f.contactId,
          propertyId: f.propertyId,
          contentId: f.contents.document,
          action: 'sharing.share',
          actor: 'verwaltung',
          importId: f.importId,
          language: 'de',
          offset: 0,
          limit: 50,
        },
        fields: {
          from: dayBound,
          to: dayBound,
          ...auditFilter,
          language: k.enum(['de', 'en']),
          ...page(10_000_000),
        },
      },
    ],
    'auditLog.export': [
      {
        payload: {
          from: '2026-11-01',
          to: '2026-11-27',
          contactId: f.candidateId,
          propertyId: null,
          contentId: null,
          action: null,
          actor: null,
          importId: null,
          language: 'de',
        },
        fields: { from: dayBound, to: dayBound, ...auditFilter, language: k.enum(['de', 'en']) },
      },
    ],
    'auditLog.facets': [{ payload: { language: 'en' }, fields: { language: k.enum(['de', 'en']) } }],
  };
}
