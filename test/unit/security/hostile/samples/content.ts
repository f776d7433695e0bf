/** Valid samples of the content, sharing and portal preview channels: one per kind of content. */
import type { contentChannels } from '../../../../../shared/contract/content';
import { PDF, type Fixture } from '../fixture';
import { k, page, type Kind, type SamplesOf } from '../kinds';

export function contentSamples(f: Fixture): SamplesOf<keyof typeof contentChannels> {
  const base = { title: k.reqText(200), propertyId: k.id({ nullable: true }) };
  const contentKind = k.enum(['announcement', 'appointment', 'document', 'smartpost', 'process']);
  const maxBase64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;
  const content = {
    announcement: {
      payload: {
        kind: 'announcement' as const,
        title: 'Rundschreiben',
        propertyId: f.propertyId,
        text: 'Text',
      },
      fields: { kind: contentKind, ...base, text: k.reqText(20_000) },
    },
    appointment: {
      payload: {
        kind: 'appointment' as const,
        title: 'Versammlung',
        propertyId: null,
        startsAt: '2026-12-11T18:00',
        endsAt: '2026-12-11T20:00',
        place: 'Gemeindesaal',
        text: 'Tagesordnung folgt',
      },
      fields: {
        kind: contentKind,
        ...base,
        startsAt: k.dateTime({ domain: ['2026-12-11T20:00', '2026-12-12T09:00'] }),
        endsAt: k.dateTime({ domain: ['2026-12-11T18:00', '2026-12-11T17:59'] }),
        place: k.optText(200),
        text: k.optText(5_000),
      },
    },
    document: (keepOnEmpty: boolean) => ({
      payload: {
        kind: 'document' as const,
        title: 'Grundriss',
        propertyId: f.propertyId,
        fileName: 'grundriss.pdf',
        mimeType: 'application/pdf' as const,
        dataBase64: PDF,
      },
      fields: {
        kind: contentKind,
        ...base,
        fileName: k.reqText(200),
        mimeType: k.enum([
          'application/pdf',
          'image/png',
          'image/jpeg',
          'text/plain',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ]),
        dataBase64: k.base64(maxBase64, { keepOnEmpty }),
      },
    }),
    smartpost: {
      payload: {
        kind: 'smartpost' as const,
        title: 'Ablesetermin',
        propertyId: f.propertyId,
        template: '{{anrede}}\n\nam {{datum}} lesen wir in {{einheit}} ab.',
      },
      fields: {
        kind: contentKind,
        ...base,
        template: k.reqText(20_000, {
          domain: ['{{vorname}}', 'Hallo {{name}', '{{constructor}}', '{{__proto__}}', '{{ toString }}'],
        }),
      },
    },
    process: {
      payload: {
        kind: 'process' as const,
        title: 'Heizung defekt',
        propertyId: f.propertyId,
        description: 'Kein Warmwasser',
        state: 'in_progress' as const,
        contactIds: [f.contactId],
      },
      fields: {
        kind: contentKind,
        ...base,
        description: k.optText(20_000),
        state: k.enum(['open', 'in_progress', 'done']),
        contactIds: k.ids(1000),
      },
    },
  };
  const prefixed = (prefix: string, fields: Record<string, Kind>) =>
    Object.fromEntries(Object.entries(fields).map(([key, kind]) => [`${prefix}.${key}`, kind]));
  const roleTarget = {
    mode: 'role' as const,
    role: 'tenant' as const,
    propertyId: f.propertyId,
    unitIds: null,
  };
  const roleTargetFields = {
    'target.mode': k.enum(['role', 'individual']),
    'target.role': k.enum(['all', 'tenant', 'owner']),
    'target.propertyId': k.id(),
    'target.unitIds': k.ids(10_000, { nullable: true }),
  };
  const unitTarget = { ...roleTarget, unitIds: [f.unitId] };
  const individualTarget = { mode: 'individual' as const, contactIds: [f.contactId] };
  const individualTargetFields = {
    'target.mode': k.enum(['role', 'individual']),
    'target.contactIds': k.ids(10_000, { min: 1 }),
  };
  const shareTargets = (contentId: number) => [
    { payload: { contentId, target: roleTarget }, fields: { contentId: k.id(), ...roleTargetFields } },
    { payload: { contentId, target: unitTarget }, fields: { contentId: k.id(), ...roleTargetFields } },
    {
      payload: { contentId, target: individualTarget },
      fields: { contentId: k.id(), ...individualTargetFields },
    },
  ];

  return {
    'content.list': [
      {
        payload: { kind: 'document', offset: 0, limit: 10 },
        fields: {
          kind: k.enum(['announcement', 'appointment', 'document', 'smartpost', 'process'], {
            nullable: true,
            optional: true,
          }),
          ...page(),
        },
      },
    ],
    'content.get': [{ payload: { id: f.contents.announcement }, fields: { id: k.id() } }],
    'content.create': [
      content.announcement,
      content.appointment,
      content.document(false),
      content.smartpost,
      content.process,
    ],
    'content.update': [
      {
        payload: { id: f.contents.announcement, input: content.announcement.payload },
        fields: { id: k.id(), ...prefixed('input', content.announcement.fields) },
      },
      {
        payload: { id: f.contents.appointment, input: content.appointment.payload },
        fields: { id: k.id(), ...prefixed('input', content.appointment.fields) },
      },
      {
        payload: { id: f.contents.document, input: content.document(true).payload },
        fields: { id: k.id(), ...prefixed('input', content.document(true).fields) },
      },
      {
        payload: { id: f.contents.smartpost, input: content.smartpost.payload },
        fields: { id: k.id(), ...prefixed('input', content.smartpost.fields) },
      },
      {
        payload: { id: f.contents.process, input: content.process.payload },
        fields: { id: k.id(), ...prefixed('input', content.process.fields) },
      },
    ],
    'content.delete': [{ payload: { id: f.contents.announcement }, fields: { id: k.id() } }],
    'content.documentFile': [{ payload: { id: f.contents.document }, fields: { id: k.id() } }],
    'sharing.preview': shareTargets(f.contents.appointment),
    'sharing.recipients': shareTargets(f.contents.appointment).map(({ payload, fields }) => ({
      payload: { ...payload, offset: 0, limit: 50 },
      fields: { ...fields, ...page() },
    })),
    'sharing.share': shareTargets(f.contents.appointment).map(({ payload, fields }) => ({
      payload: { ...payload, alsoIndividually: [f.contactId] },
      fields: { ...fields, alsoIndividually: k.ids(10_000, { optional: true }) },
    })),
    'sharing.revoke': [{ payload: { shareId: f.shareId }, fields: { shareId: k.id() } }],
    'sharing.letterPreview': [
      {
        payload: { contentId: f.contents.smartpost, contactId: f.contactId },
        fields: { contentId: k.id(), contactId: k.id() },
      },
    ],
    'portal.preview': [
      {
        payload: { contactId: f.contactId, day: '2026-12-01' },
        fields: { contactId: k.id(), day: k.date({ nullable: true, optional: true }) },
      },
    ],
  };
}
