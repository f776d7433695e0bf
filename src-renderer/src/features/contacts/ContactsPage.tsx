import { useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/domain';
import type { ContactListItem, InvitationState } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQueries, useChannelQuery } from '../../api/queries';
import { errorMessage, formatDate, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { AccessBadge, InvitationBadge } from '../common/AccessBadge';
import { AnonymisedBadge } from './AnonymisedBadge';
import { placeText } from '../common/placeText';
import { usePropertyOptions } from '../common/options';
import { ContactForm } from './ContactForm';
import { ContactsExportButton } from './ContactsExportButton';
import { CONTACTS_PAGE_SIZE, contactPageQuery, isFiltered, useContactFilters } from './contactFilters';
import classes from './ContactsPage.module.css';

const ROW_HEIGHT = 52;
const grants: Grant[] = ['active', 'pre', 'post', 'none'];
const invitationStates: InvitationState[] = ['none', 'pending', 'redeemed', 'expired', 'revoked'];

/**
 * The list's first page under the current filters: its total and access counts head the page. While
 * another search or filter loads, the previous answer stays on screen.
 */
function useFirstContactPage() {
  const filters = useContactFilters((state) => state.filters);
  return useChannelQuery('contacts.list', contactPageQuery(filters, 0), { keepPrevious: true });
}

/** The rows of the pages holding `indexes` (the first page is loaded by useFirstContactPage). */
function useContactRows(indexes: readonly number[]): (index: number) => ContactListItem | undefined {
  const filters = useContactFilters((state) => state.filters);
  const first = useFirstContactPage();
  const pages = [...new Set(indexes.map((index) => Math.floor(index / CONTACTS_PAGE_SIZE)))].filter(
    (page) => page > 0,
  );
  const answers = useChannelQueries(
    'contacts.list',
    pages.map((page) => contactPageQuery(filters, page)),
  );
  const byPage = new Map<number, ContactListItem[] | undefined>(
    pages.map((page, at) => [page, answers[at]?.data?.items]),
  );
  byPage.set(0, first.data?.items);
  return (index) => byPage.get(Math.floor(index / CONTACTS_PAGE_SIZE))?.[index % CONTACTS_PAGE_SIZE];
}

function Filters() {
  const { t } = useTranslation();
  const { filters, setFilters } = useContactFilters();
  const first = useFirstContactPage().data;
  const countsByAccess = first?.countsByAccess;
  const bound = first?.countBound ?? null;
  const propertyOptions = usePropertyOptions();
  const [search, setSearch] = useState(filters.search);
  const applySearch = useDebouncedCallback((value: string) => setFilters({ search: value }), 150);
  const allCount = countsByAccess ? grants.reduce((sum, grant) => sum + countsByAccess[grant], 0) : null;
  // A search or filter is counted up to a bound: beyond it the chip says "more than 1.000".
  const count = (n: number | null | undefined) =>
    n == null
      ? ''
      : ` (${bound !== null && n > bound ? t('contacts.moreThan', { count: bound }) : formatNumber(n)})`;

  return (
    <Stack gap="sm">
      <TextInput
        label={t('contacts.search')}
        placeholder={t('contacts.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          applySearch(event.currentTarget.value);
        }}
        maw={480}
      />
      <Chip.Group
        value={filters.access ?? 'all'}
        onChange={(value) => setFilters({ access: value === 'all' ? null : (value as Grant) })}
      >
        <Group gap="xs" role="group" aria-label={t('contacts.accessFilter')}>
          <Chip value="all" variant="outline">
            {t('contacts.all')}
            {count(allCount)}
          </Chip>
          {grants.map((grant) => (
            <Chip key={grant} value={grant} variant="outline">
              {t(`access.${grant}`)}
              {count(countsByAccess?.[grant])}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group align="flex-end">
        <Select
          label={t('contacts.property')}
          placeholder={t('contacts.allProperties')}
          data={propertyOptions}
          value={filters.propertyId === null ? null : String(filters.propertyId)}
          onChange={(value) => setFilters({ propertyId: value === null ? null : Number(value) })}
          clearable
          searchable
          w={260}
        />
        <Select
          label={t('contacts.contractType')}
          placeholder={t('contacts.allTypes')}
          data={[
            { value: 'tenant', label: t('contract.type.tenant') },
            { value: 'owner', label: t('contract.type.owner') },
          ]}
          value={filters.contractType}
          onChange={(value) => setFilters({ contractType: value as 'tenant' | 'owner' | null })}
          clearable
          w={180}
        />
        <Select
          label={t('contacts.invitation')}
          placeholder={t('contacts.allInvitationStates')}
          data={invitationStates.map((state) => ({ value: state, label: t(`invitation.state.${state}`) }))}
          value={filters.invitation}
          onChange={(value) => setFilters({ invitation: value as InvitationState | null })}
          clearable
          w={200}
        />
        <Checkbox
          label={t('contacts.includeArchived')}
          checked={filters.includeArchived}
          onChange={(event) => setFilters({ includeArchived: event.currentTarget.checked })}
          mb={8}
        />
      </Group>
    </Stack>
  );
}

/** The list is virtualized and paged from SQL: only the rows on screen are rendered and loaded. */
function ContactRows() {
  const { t } = useTranslation();
  const { data, error } = useFirstContactPage();
  const filtered = useContactFilters((state) => isFiltered(state.filters));
  const total = data?.total;
  const navigate = useAppStore((state) => state.navigate);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the documented exception
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = useContactRows(items.map((item) => item.index));

  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (total === 0) {
    return (
      <Text c="dimmed" data-testid="contacts-empty">
        {t(filtered ? 'contacts.empty' : 'contacts.emptyDatabase')}
      </Text>
    );
  }

  return (
    <Box role="table" aria-label={t('contacts.title')} aria-rowcount={total ?? 0} className={classes.table}>
      <div role="row" className={`${classes.row} ${classes.header}`}>
        <div role="columnheader">
          {t('contacts.columns.name')} · {t('contacts.columns.email')}
        </div>
        <div role="columnheader">{t('contacts.columns.place')}</div>
        <div role="columnheader">{t('contacts.columns.referenceId')}</div>
        <div role="columnheader">{t('contacts.columns.access')}</div>
        <div role="columnheader">{t('contacts.columns.invitation')}</div>
      </div>
      <div ref={scrollRef} className={classes.scroller} data-testid="contacts-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const contact = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={contact ? 0 : -1}
                className={classes.row}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => contact && navigate({ page: 'contact', id: contact.id })}
                onKeyDown={(event) => {
                  if (contact && event.key === 'Enter') navigate({ page: 'contact', id: contact.id });
                }}
              >
                {contact ? (
                  <>
                    <div role="cell" className={classes.ellipsis}>
                      <Group gap={6} wrap="nowrap">
                        <Text fw={500} td={contact.archived ? 'line-through' : undefined}>
                          {contact.displayName}
                        </Text>
                        {contact.anonymised && <AnonymisedBadge />}
                      </Group>
                      {contact.email && (
                        <Text size="xs" c="dimmed" className={classes.ellipsis}>
                          {contact.email}
                        </Text>
                      )}
                    </div>
                    <div role="cell" className={classes.ellipsis} data-testid="contact-place">
                      {contact.place ? placeText(contact.place) : '—'}
                      {contact.otherPlaces > 0 && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {t('contacts.otherPlaces', { count: contact.otherPlaces })}
                        </Text>
                      )}
                    </div>
                    <div role="cell">{contact.referenceId}</div>
                    <div role="cell">
                      <Group gap={6} wrap="nowrap">
                        <AccessBadge access={contact.access} />
                        {contact.access.until && (
                          <Text size="xs" c="dimmed">
                            {t('contacts.until', { date: formatDate(contact.access.until) })}
                          </Text>
                        )}
                      </Group>
                    </div>
                    <div role="cell">
                      <InvitationBadge state={contact.invitation} />
                    </div>
                  </>
                ) : (
                  <div role="cell" className={classes.placeholder}>
                    {t('app.loading')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

export function ContactsPage() {
  const { t } = useTranslation();
  const first = useFirstContactPage().data;
  const total = first?.total;
  const bound = first?.countBound ?? null;
  const navigate = useAppStore((state) => state.navigate);
  const createContact = useChannelMutation('contacts.create');
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('contacts.title')}</Title>
          {total !== undefined && (
            <Text c="dimmed" aria-live="polite" data-testid="contacts-total">
              {bound !== null && total > bound
                ? t('contacts.countMoreThan', { count: bound })
                : t('contacts.count', { count: total })}
            </Text>
          )}
        </Group>
        <Group>
          <ContactsExportButton />
          <Button onClick={() => setCreating(true)}>{t('contact.create')}</Button>
        </Group>
      </Group>
      {creating && (
        <ContactForm
          onClose={() => setCreating(false)}
          onSubmit={async (input) => {
            const result = await createContact.mutateAsync(input);
            if (result.ok) navigate({ page: 'contact', id: result.value.contact.id });
            return result;
          }}
        />
      )}
      <Filters />
      <ContactRows />
    </Stack>
  );
}
