import { ID, TEXT, type PostgresMigration } from './migration';

export const v1: PostgresMigration = {
  version: 1,
  name: 'settings and audit',
  sql: `
    CREATE TABLE settings (
      key   ${TEXT} PRIMARY KEY,
      value ${TEXT} NOT NULL
    );
    CREATE TABLE audit (
      id        ${ID},
      at        ${TEXT} NOT NULL,
      actor     ${TEXT} NOT NULL,
      action    ${TEXT} NOT NULL,
      entity    ${TEXT} NOT NULL,
      entity_id ${TEXT},
      before    ${TEXT},
      after     ${TEXT}
    );
    CREATE INDEX audit_by_entity ON audit (entity, entity_id);
  `,
};
