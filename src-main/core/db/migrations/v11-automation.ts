import type { Migration } from './migration';

export const v11: Migration = {
  version: 11,
  name: 'automatic rules: run log, actions once per contact, forwarding addresses, welcome content',
  sql: `
    -- A rule's day is run once: its row is claimed (by this key) inside the change that does the
    -- day's work, so a restart, a second desktop or a clock set back finds it taken.
    CREATE TABLE automation_runs (
      rule    TEXT NOT NULL CHECK (rule IN ('invite', 'notice', 'welcome')),
      day     TEXT NOT NULL,
      ran_at  TEXT NOT NULL,
      actions INTEGER NOT NULL,
      PRIMARY KEY (rule, day)
    );
    -- What a rule did for a contact, once per subject (the contract entering a window, the day the
    -- access ends, the welcome content): the contact page's timeline reads it. No key on outbox_id:
    -- anonymising a contact deletes its outbox rows.
    CREATE TABLE automation_actions (
      id            INTEGER PRIMARY KEY,
      rule          TEXT NOT NULL CHECK (rule IN ('invite', 'notice', 'welcome')),
      day           TEXT NOT NULL,
      contact_id    INTEGER NOT NULL REFERENCES contacts (id),
      subject       TEXT NOT NULL,
      channel       TEXT CHECK (channel IN ('email', 'letter')),
      invitation_id INTEGER REFERENCES invitations (id),
      outbox_id     INTEGER,
      content_id    INTEGER REFERENCES contents (id),
      at            TEXT NOT NULL,
      UNIQUE (rule, contact_id, subject)
    );
    CREATE INDEX automation_actions_by_contact ON automation_actions (contact_id, day);
    -- Nachsendeanschrift: where letters to the contact go after the end of this contract.
    CREATE TABLE forwarding_addresses (
      contract_id INTEGER PRIMARY KEY REFERENCES contracts (id),
      contact_id  INTEGER NOT NULL REFERENCES contacts (id),
      street      TEXT NOT NULL,
      house_no    TEXT NOT NULL,
      postcode    TEXT NOT NULL,
      city        TEXT NOT NULL,
      country     TEXT,
      created_at  TEXT NOT NULL
    );
    CREATE INDEX forwarding_addresses_by_contact ON forwarding_addresses (contact_id);
    -- Willkommensinhalte: content shared with each new tenant / owner of its property.
    ALTER TABLE contents ADD COLUMN welcome_for TEXT CHECK (welcome_for IN ('tenant', 'owner', 'all'));
  `,
};
