/** Valid samples of the Stammdaten-Import's channels: a run of the kept file with its five mapped columns. */
import { importFields, type importChannels } from '../../../../../shared/contract/imports';
import { IMPORT_CSV, type Fixture } from '../fixture';
import { k, none, type Kind, type SamplesOf } from '../kinds';
import { contactFilterFields } from './portfolio';

const MB = 1024 * 1024;

export function importSamples(f: Fixture): SamplesOf<keyof typeof importChannels> {
  const fields = [
    'property.referenceId',
    'unit.referenceId',
    'contact.referenceId',
    'contact.lastName',
    'contract.start',
  ] as const;
  const run = {
    fileId: f.importFileId,
    mapping: fields.map((field) => ({ field, person: 1 })),
    values: {},
    updateOnly: false,
    endMissing: null,
  };
  const runFields: Record<string, Kind> = {
    fileId: k.reqText(36),
    mapping: k.list(0, 500),
    ...Object.fromEntries(
      fields.flatMap((_, i) => [
        [`mapping.${i}.field`, k.enum([...importFields], { nullable: true })],
        [`mapping.${i}.person`, k.int(1, 4, { optional: true })],
      ]),
    ),
    updateOnly: k.bool({ optional: true }),
    // null or { contractIds, end }: every value an `ids` field is refused with is refused here too.
    endMissing: k.ids(0, { nullable: true, optional: true }),
  };
  return {
    'imports.open': [
      {
        payload: { fileName: 'erp.csv', dataBase64: IMPORT_CSV, sheet: null },
        fields: {
          fileName: k.reqText(255),
          dataBase64: k.base64(Math.ceil((64 * MB) / 3) * 4),
          sheet: k.optText(200, { optional: true }),
        },
      },
    ],
    'imports.preview': [{ payload: run, fields: runFields }],
    'imports.rejectedRows': [
      {
        payload: { ...run, language: 'de' as const },
        fields: { ...runFields, language: k.enum(['de', 'en']) },
      },
    ],
    'imports.commit': [
      {
        payload: { ...run, mappingName: 'ERP' },
        fields: { ...runFields, mappingName: k.optText(80, { optional: true }) },
      },
    ],
    'imports.cancel': [{ payload: { fileId: f.importFileId }, fields: { fileId: k.reqText(36) } }],
    'imports.history': none,
    'contacts.export': [
      {
        payload: {
          search: 'prüf',
          access: 'active',
          propertyId: f.propertyId,
          contractType: 'tenant',
          invitation: 'none',
          includeArchived: true,
          format: 'xlsx' as const,
          language: 'en' as const,
        },
        fields: {
          ...contactFilterFields,
          format: k.enum(['csv', 'xlsx']),
          language: k.enum(['de', 'en']),
        },
      },
    ],
    'imports.restoreBefore': [{ payload: { id: f.importId }, fields: { id: k.id() } }],
  };
}
