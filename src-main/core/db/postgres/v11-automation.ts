import { ID, TEXT, type PostgresMigration } from './migration';

const REF = 'bigint';

export const v11: PostgresMigration = {
  version: 11,
  name: 'automatic rules: run log, actions once per contact, forwarding addresses, welcome content',
  sql: `
    CREATE TABLE automation_runs (
      rule    ${TEXT} NOT NULL CHECK (rule IN ('invite', 'notice', 'welcome')),
      day     ${TEXT} NOT NULL,
      ran_at  ${TEXT} NOT NULL,
      actions bigint NOT NULL,
      PRIMARY KEY (rule, day)
    );
    CREATE TABLE automation_actions (
      id            ${ID},
      rule          ${TEXT} NOT NULL CHECK (rule IN ('invite', 'notice', 'welcome')),
      day           ${TEXT} NOT NULL,
      contact_id    ${REF} NOT NULL REFERENCES contacts (id),
      subject       ${TEXT} NOT NULL,
      channel       ${TEXT} CHECK (channel IN ('email', 'letter')),
      invitation_id ${REF} REFERENCES invitations (id),
      outbox_id     ${REF},
      content_id    ${REF} REFERENCES contents (id),
      at            ${TEXT} NOT NULL,
      UNIQUE (rule, contact_id, subject)
    );
    CREATE INDEX automation_actions_by_contact ON automation_actions (contact_id, day);
    CREATE TABLE forwarding_addresses (
      contract_id ${REF} PRIMARY KEY REFERENCES contracts (id),
      contact_id  ${REF} NOT NULL REFERENCES contacts (id),
      street      ${TEXT} NOT NULL,
      house_no    ${TEXT} NOT NULL,
      postcode    ${TEXT} NOT NULL,
      city        ${TEXT} NOT NULL,
      country     ${TEXT},
      created_at  ${TEXT} NOT NULL
    );
    CREATE INDEX forwarding_addresses_by_contact ON forwarding_addresses (contact_id);
    ALTER TABLE contents ADD COLUMN welcome_for ${TEXT} CHECK (welcome_for IN ('tenant', 'owner', 'all'));
  `,
};
