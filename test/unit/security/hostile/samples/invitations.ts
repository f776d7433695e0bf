/** Valid samples of the invitation, outbox, mail and organisation channels. */
import type { invitationChannels } from '../../../../../shared/contract/invitations';
import type { mailChannels } from '../../../../../shared/contract/mail';
import type { organisationChannels } from '../../../../../shared/contract/organisation';
import type { outboxChannels } from '../../../../../shared/contract/outbox';
import type { Fixture } from '../fixture';
import { k, none, page, type SamplesOf } from '../kinds';

type InvitationChannels = keyof (typeof invitationChannels &
  typeof outboxChannels &
  typeof mailChannels &
  typeof organisationChannels);

export function invitationSamples(f: Fixture): SamplesOf<InvitationChannels> {
  return {
    'invitations.waiting': none,
    'invitations.create': [
      {
        payload: { contactId: f.contactId, channel: 'code' },
        fields: { contactId: k.id(), channel: k.enum(['email', 'letter', 'code']) },
      },
    ],
    'invitations.reactivate': [{ payload: { id: f.expiredInvitationId }, fields: { id: k.id() } }],
    'invitations.revoke': [{ payload: { id: f.pendingInvitationId }, fields: { id: k.id() } }],
    'invitations.redeem': [
      {
        payload: { code: f.pendingCode },
        fields: {
          code: k.reqText(64, {
            domain: [
              "'; DROP TABLE invitations; --",
              "' OR '1'='1",
              '<script>alert(1)</script>',
              'AAAA-AAAA-AAAA',
              f.pendingCode.toLowerCase().replace(/./, (c) => (c === 'x' ? 'y' : 'x')),
              '%',
              '*',
            ],
          }),
        },
      },
    ],
    'invitations.previewProperty': [
      { payload: { propertyId: f.propertyId }, fields: { propertyId: k.id() } },
    ],
    'invitations.inviteProperty': [
      {
        payload: { propertyId: f.propertyId, contactIds: [f.contactId] },
        fields: { propertyId: k.id(), contactIds: k.ids(100_000) },
      },
    ],
    'outbox.list': [
      {
        payload: { state: 'queued', offset: 0, limit: 20 },
        fields: {
          state: k.enum(['queued', 'sending', 'sent', 'failed', 'withdrawn'], {
            nullable: true,
            optional: true,
          }),
          ...page(),
        },
      },
    ],
    'outbox.get': [{ payload: { id: f.outboxId }, fields: { id: k.id() } }],
    'outbox.send': none,
    'outbox.withdraw': [{ payload: { id: f.outboxId }, fields: { id: k.id() } }],
    'outbox.requeue': [{ payload: { id: f.outboxId }, fields: { id: k.id() } }],
    'outbox.printLetters': none,
    'outbox.markPrinted': [{ payload: { ids: [f.outboxId] }, fields: { ids: k.ids(100_000, { min: 1 }) } }],
    'mail.getSettings': none,
    'mail.updateSettings': [
      {
        payload: {
          enabled: false,
          host: 'smtp.example.com',
          port: 587,
          security: 'starttls',
          user: 'verwaltung',
          password: 'geheim',
          from: 'verwaltung@example.com',
          fromName: 'Hausverwaltung Sicher',
        },
        fields: {
          enabled: k.bool(),
          host: k.optText(253, { nullable: false }),
          port: k.int(1, 65_535),
          security: k.enum(['none', 'starttls', 'tls']),
          user: k.optText(200),
          password: k.optText(500, { optional: true }),
          from: k.email(),
          fromName: k.optText(120),
        },
      },
    ],
    'mail.sendTest': [{ payload: { to: 'test@example.com' }, fields: { to: k.email({ required: true }) } }],
    'organisation.get': none,
    'organisation.checklist': none,
    'organisation.update': [
      {
        payload: {
          name: 'Hausverwaltung Sicher GmbH',
          street: 'Hauptstraße 2',
          postcode: '10117',
          city: 'Berlin',
          portalUrl: 'https://kundenportal.example.com/registrieren',
        },
        fields: {
          name: k.reqText(120),
          street: k.optText(120),
          postcode: k.optText(10),
          city: k.optText(80),
          portalUrl: k.url(300),
        },
      },
    ],
  };
}
