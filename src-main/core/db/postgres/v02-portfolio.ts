import { ID, TEXT, type PostgresMigration } from './migration';

/** A reference to another table's id. */
const REF = 'bigint';

export const v2: PostgresMigration = {
  version: 2,
  name: 'portfolio: properties, units, contacts, contracts, portal accounts, invitations, content, outbox',
  sql: `
    CREATE TABLE properties (
      id           ${ID},
      name         ${TEXT} NOT NULL,
      reference_id ${TEXT} UNIQUE,
      created_at   ${TEXT} NOT NULL
    );
    CREATE TABLE property_addresses (
      id          ${ID},
      property_id ${REF} NOT NULL REFERENCES properties (id) ON DELETE CASCADE,
      street      ${TEXT} NOT NULL,
      house_no    ${TEXT} NOT NULL,
      postcode    ${TEXT} NOT NULL,
      city        ${TEXT} NOT NULL
    );
    CREATE INDEX property_addresses_by_property ON property_addresses (property_id);

    CREATE TABLE units (
      id           ${ID},
      property_id  ${REF} NOT NULL REFERENCES properties (id),
      name         ${TEXT} NOT NULL,
      number       ${TEXT} NOT NULL,
      usage        ${TEXT} NOT NULL CHECK (usage IN ('private', 'commercial')),
      reference_id ${TEXT} UNIQUE,
      UNIQUE (property_id, number)
    );

    CREATE TABLE contacts (
      id            ${ID},
      salutation    ${TEXT} NOT NULL
        CONSTRAINT contacts_salutation_check CHECK (salutation IN ('mr', 'ms', 'mx', 'company', 'family')),
      title         ${TEXT},
      first_name    ${TEXT},
      last_name     ${TEXT} NOT NULL,
      company       ${TEXT},
      email         ${TEXT},
      phone         ${TEXT},
      language      ${TEXT} NOT NULL CHECK (language IN ('de', 'en')),
      preference    ${TEXT} NOT NULL CHECK (preference IN ('postal', 'online')),
      reference_id  ${TEXT} NOT NULL UNIQUE,
      note          ${TEXT},
      -- a boolean as SQLite keeps it (0/1), so that the same SQL reads it on both engines
      archived      integer NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      -- lower-cased "last first" for prefix search by name
      sort_name     ${TEXT} NOT NULL,
      street        ${TEXT},
      house_no      ${TEXT},
      postcode      ${TEXT},
      city          ${TEXT}
    );
    CREATE INDEX contacts_by_sort_name ON contacts (sort_name, id);
    CREATE INDEX contacts_by_email ON contacts (email);

    CREATE TABLE contracts (
      id          ${ID},
      contact_id  ${REF} NOT NULL REFERENCES contacts (id),
      unit_id     ${REF} NOT NULL REFERENCES units (id),
      -- denormalised from units so that property-wide questions need one index range
      property_id ${REF} NOT NULL REFERENCES properties (id),
      type        ${TEXT} NOT NULL CHECK (type IN ('tenant', 'owner')),
      number      ${TEXT} NOT NULL,
      start_date  ${TEXT} NOT NULL,
      end_date    ${TEXT},
      CHECK (end_date IS NULL OR end_date >= start_date)
    );
    CREATE INDEX contracts_by_contact ON contracts (contact_id, start_date);
    CREATE INDEX contracts_by_unit ON contracts (unit_id, start_date);
    CREATE INDEX contracts_by_property ON contracts (property_id, type, contact_id);
    CREATE INDEX contracts_by_start ON contracts (start_date, contact_id);
    CREATE INDEX contracts_by_end ON contracts (end_date, contact_id);

    CREATE TABLE portal_accounts (
      contact_id    ${REF} PRIMARY KEY REFERENCES contacts (id),
      registered_at ${TEXT} NOT NULL
    );

    CREATE TABLE invitations (
      id          ${ID},
      contact_id  ${REF} NOT NULL REFERENCES contacts (id),
      code_hash   ${TEXT} NOT NULL UNIQUE,
      created_at  ${TEXT} NOT NULL,
      expires_on  ${TEXT} NOT NULL,
      channel     ${TEXT} NOT NULL CHECK (channel IN ('email', 'letter', 'code')),
      state       ${TEXT} NOT NULL CHECK (state IN ('pending', 'redeemed', 'expired', 'revoked')),
      redeemed_at ${TEXT},
      revoked_at  ${TEXT}
    );
    CREATE INDEX invitations_by_contact ON invitations (contact_id, created_at);

    CREATE TABLE contents (
      id          ${ID},
      kind        ${TEXT} NOT NULL
        CHECK (kind IN ('announcement', 'appointment', 'document', 'smartpost', 'process')),
      title       ${TEXT} NOT NULL,
      body        ${TEXT},
      property_id ${REF} REFERENCES properties (id),
      data        ${TEXT} NOT NULL DEFAULT '{}',
      created_at  ${TEXT} NOT NULL,
      updated_at  ${TEXT} NOT NULL
    );
    CREATE INDEX contents_by_kind ON contents (kind, created_at);

    CREATE TABLE shares (
      id          ${ID},
      content_id  ${REF} NOT NULL REFERENCES contents (id),
      -- exactly one target: a contact (individual) or a role over a property or units
      contact_id  ${REF} REFERENCES contacts (id),
      role        ${TEXT} CHECK (role IN ('all', 'tenant', 'owner')),
      property_id ${REF} REFERENCES properties (id),
      unit_ids    ${TEXT},
      created_at  ${TEXT} NOT NULL,
      revoked_at  ${TEXT},
      CHECK ((contact_id IS NOT NULL AND role IS NULL)
        OR (contact_id IS NULL AND role IS NOT NULL AND property_id IS NOT NULL))
    );
    CREATE INDEX shares_by_content ON shares (content_id);
    CREATE INDEX shares_by_contact ON shares (contact_id);
    CREATE INDEX shares_by_property ON shares (property_id, role);

    CREATE TABLE outbox (
      id          ${ID},
      contact_id  ${REF} REFERENCES contacts (id),
      recipient   ${TEXT} NOT NULL,
      language    ${TEXT} NOT NULL CHECK (language IN ('de', 'en')),
      subject     ${TEXT} NOT NULL,
      text_body   ${TEXT} NOT NULL,
      html_body   ${TEXT} NOT NULL,
      state       ${TEXT} NOT NULL CONSTRAINT outbox_state_check CHECK (state IN ('queued', 'sent', 'failed')),
      attempts    integer NOT NULL DEFAULT 0,
      last_error  ${TEXT},
      created_at  ${TEXT} NOT NULL,
      sent_at     ${TEXT}
    );
    CREATE INDEX outbox_by_state ON outbox (state, id);
  `,
};
