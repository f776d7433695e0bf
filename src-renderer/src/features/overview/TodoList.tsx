import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/domain';
import { INVITATION_WAITING_DAYS } from '../../../../shared/contract/invitations';
import type { InvitationState } from '../../../../shared/ipc';
import { useChannelQuery } from '../../api/queries';
import { useAppStore, type Route } from '../../stores/appStore';
import { useContactFilters } from '../contacts/contactFilters';

/** Opens the contacts list showing only the contacts of an access state and/or invitation state. */
export function useOpenContacts() {
  const navigate = useAppStore((state) => state.navigate);
  const setFilters = useContactFilters((state) => state.setFilters);
  return (filter: { access?: Grant; invitation?: InvitationState }) => {
    setFilters({
      search: '',
      propertyId: null,
      contractType: null,
      includeArchived: false,
      access: filter.access ?? null,
      invitation: filter.invitation ?? null,
    });
    navigate({ page: 'contacts' });
  };
}

interface Todo {
  key: 'lettersToPrint' | 'emailsFailed' | 'emailsWaiting' | 'invitationsWaiting' | 'preNotInvited';
  count: number;
  open(): void;
}

/**
 * What is waiting for the manager, each a count and a link to where it is done: letters to print,
 * e-mails that failed or cannot go out yet, invitations not taken up for 14 days, contacts before
 * their contract start who were never invited. Counts come from the lists' own queries.
 */
export function TodoList() {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const openContacts = useOpenContacts();
  const outbox = useChannelQuery('outbox.list', { state: 'queued', limit: 1 });
  const failed = useChannelQuery('outbox.list', { state: 'failed', limit: 1 });
  const waiting = useChannelQuery('invitations.waiting', undefined);
  const preNotInvited = useChannelQuery('contacts.list', { access: 'pre', invitation: 'none', limit: 1 });
  const openOutbox = (route: Route) => () => navigate(route);
  const todos: Todo[] = [
    {
      key: 'lettersToPrint',
      count: outbox.data?.lettersQueued ?? 0,
      open: openOutbox({ page: 'outbox' }),
    },
    {
      key: 'emailsFailed',
      count: failed.data?.total ?? 0,
      open: openOutbox({ page: 'outbox', state: 'failed' }),
    },
    {
      key: 'emailsWaiting',
      count: outbox.data?.waiting ? outbox.data.total - outbox.data.lettersQueued : 0,
      open: openOutbox({ page: 'mailSettings' }),
    },
    {
      key: 'invitationsWaiting',
      count: waiting.data?.count ?? 0,
      open: () => openContacts({ invitation: 'pending' }),
    },
    {
      key: 'preNotInvited',
      count: preNotInvited.data?.total ?? 0,
      open: () => openContacts({ access: 'pre', invitation: 'none' }),
    },
  ];
  const open = todos.filter((todo) => todo.count > 0);
  return (
    <Card withBorder padding="md" data-testid="todos">
      <Title order={3} size="h5" mb="sm">
        {t('overview.todos.title')}
      </Title>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.todos.none')}
        </Text>
      ) : (
        <List spacing="xs" size="sm">
          {open.map((todo) => (
            <List.Item key={todo.key} data-testid={`todo-${todo.key}`}>
              <Anchor component="button" size="sm" onClick={todo.open}>
                {t(`overview.todos.${todo.key}`, {
                  count: todo.count,
                  days: INVITATION_WAITING_DAYS,
                })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
