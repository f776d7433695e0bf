import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate } from '../../../../shared/dates';
import type { PortalPreview } from '../../../../shared/ipc';
import { formatDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelQuery } from '../../api/queries';
import { DateField } from '../common/DateField';
import { AccessBadge, useAccessSentence } from '../common/AccessBadge';
import { LoadStatus } from '../common/LoadStatus';
import { SimulateRegistration } from '../contacts/SimulateRegistration';
import { KindBadge } from '../content/ContentPage';

function LoginState({ preview }: { preview: PortalPreview }) {
  const { t } = useTranslation();
  const reason = preview.canLogIn
    ? null
    : !preview.registered
      ? t('portal.login.notRegistered')
      : preview.access.grant === 'none'
        ? t('portal.login.noAccess')
        : null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge
          color={preview.canLogIn ? 'green' : 'red'}
          variant="filled"
          tt="none"
          size="lg"
          data-testid="portal-login"
        >
          {t(preview.canLogIn ? 'portal.login.possible' : 'portal.login.impossible')}
        </Badge>
        <Badge color={preview.registered ? 'teal' : 'gray'} variant="outline" tt="none">
          {t(preview.registered ? 'portal.login.registered' : 'portal.login.unregistered')}
        </Badge>
      </Group>
      {reason && (
        <Text size="sm" c="dimmed">
          {reason}
        </Text>
      )}
    </Stack>
  );
}

function Items({ preview }: { preview: PortalPreview }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  if (preview.items.length === 0) {
    return (
      <Text c="dimmed" data-testid="portal-no-items">
        {t('portal.items.empty')}
      </Text>
    );
  }
  return (
    <Table
      withTableBorder
      verticalSpacing="sm"
      data-testid="portal-items"
      aria-label={t('portal.items.title')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('portal.items.columns.kind')}</Table.Th>
          <Table.Th>{t('portal.items.columns.title')}</Table.Th>
          <Table.Th>{t('portal.items.columns.property')}</Table.Th>
          <Table.Th>{t('portal.items.columns.via')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Box miw="max-content">
                <KindBadge kind={item.kind} />
              </Box>
            </Table.Td>
            <Table.Td>
              <Anchor
                component="button"
                type="button"
                ta="left"
                onClick={() => navigate({ page: 'content', id: item.id })}
              >
                {item.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{item.propertyName ?? t('content.noProperty')}</Table.Td>
            <Table.Td>{t(`portal.via.${item.via}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Portal-Vorschau: exactly what one contact would see in the customer portal on a chosen day, and
 * whether they could log in — computed by the core with the same rules. A preview: nothing changes.
 */
export function PortalPreviewPage({ contactId }: { contactId: number }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const today = useChannelQuery('app.status', undefined).data?.today ?? '';
  const sentence = useAccessSentence();
  const [day, setDay] = useState(today);
  const [simulating, setSimulating] = useState(false);
  const validDay = isIsoDate(day);
  // Stepping through days keeps the last day's preview on screen, dimmed, until the next one is there.
  const {
    data: shown = null,
    error,
    isFetching: loading,
  } = useChannelQuery('portal.preview', validDay ? { contactId, day } : skipToken, { keepPrevious: true });
  const current = shown !== null && shown.day === day;

  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component="button" type="button" size="sm" onClick={() => navigate({ page: 'contacts' })}>
          {t('nav.contacts')}
        </Anchor>
        {shown && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => navigate({ page: 'contact', id: contactId })}
          >
            {shown.displayName}
          </Anchor>
        )}
        <Text size="sm">{t('portal.title')}</Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{t('portal.title')}</Title>
            <Badge color="grape" variant="light" tt="none">
              {t('portal.badge')}
            </Badge>
          </Group>
          {shown && (
            <Text size="lg" fw={500} data-testid="portal-contact">
              {shown.displayName}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {shown && !shown.registered && (
            <Button variant="outline" color="grape" onClick={() => setSimulating(true)}>
              {t('simulation.open')}
            </Button>
          )}
          <Button variant="default" onClick={() => navigate({ page: 'contact', id: contactId })}>
            {t('portal.toContact')}
          </Button>
        </Group>
      </Group>

      <Alert color="grape" variant="light" data-testid="portal-preview-notice">
        {t('portal.notice', {
          name: shown?.displayName ?? '',
          date: validDay ? formatDate(day) : '—',
        })}
      </Alert>

      <Group align="flex-end" gap="xs">
        <DateField
          label={t('portal.day')}
          value={day}
          error={validDay ? undefined : t('errors.INVALID_DATE')}
          onChange={setDay}
          w={200}
        />
        <Button variant="default" disabled={!validDay} onClick={() => setDay(addDays(day, -1))}>
          {t('portal.previousDay')}
        </Button>
        <Button variant="default" disabled={!validDay} onClick={() => setDay(addDays(day, 1))}>
          {t('portal.nextDay')}
        </Button>
        <Button variant="subtle" disabled={day === today} onClick={() => setDay(today)}>
          {t('portal.today')}
        </Button>
        {loading && <Loader size="sm" aria-label={t('app.loading')} />}
      </Group>

      <LoadStatus error={error} loaded={shown !== null} />

      {shown && (
        <Stack gap="lg" style={{ opacity: current ? 1 : 0.5 }} aria-busy={!current}>
          <Card withBorder>
            <Title order={3} size="h5" mb="sm">
              {t('portal.accessOn', { date: formatDate(shown.day) })}
            </Title>
            <Stack gap="sm">
              <Group gap="sm">
                <AccessBadge access={shown.access} />
                <Text data-testid="portal-access-sentence">{sentence(shown.access)}</Text>
              </Group>
              <LoginState preview={shown} />
            </Stack>
          </Card>

          <Stack gap="sm">
            <Group gap="sm" align="baseline">
              <Title order={3} size="h4">
                {t('portal.items.title')}
              </Title>
              <Text c="dimmed" data-testid="portal-item-count">
                {t('portal.items.count', {
                  count: shown.items.length,
                })}
              </Text>
            </Group>
            <Items preview={shown} />
          </Stack>
        </Stack>
      )}

      {simulating && <SimulateRegistration onClose={() => setSimulating(false)} />}
    </Stack>
  );
}
