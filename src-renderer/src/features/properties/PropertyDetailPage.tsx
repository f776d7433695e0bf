import { useState } from 'react';
import { Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PropertyDetail, UnitView } from '../../../../shared/ipc';
import { DetailBreadcrumbs, DetailPlaceholder } from '../common/DetailPage';
import { notifySuccess } from '../common/notify';
import { useAppStore } from '../../stores/appStore';
import { useChannelQuery } from '../../api/queries';
import { InviteContactsModal } from './InviteContactsModal';
import { PropertyFormModal } from './PropertyFormModal';
import { UnitFormModal } from './UnitFormModal';
import { UnitsTable } from './UnitsTable';

/** What dialog is open over the page. */
type Dialog = { kind: 'property' } | { kind: 'unit'; unit: UnitView | null } | { kind: 'invite' } | null;

function formatAddress(address: PropertyDetail['addresses'][number]): string {
  return `${address.street} ${address.houseNo}, ${address.postcode} ${address.city}`;
}

/** One Liegenschaft: addresses, units with their contracts, and the bulk invitation. */
export function PropertyDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const { data: detail, error } = useChannelQuery('properties.get', { id });
  const [dialog, setDialog] = useState<Dialog>(null);

  const breadcrumbs = (
    <DetailBreadcrumbs
      listLabel={t('nav.properties')}
      onOpenList={() => navigate({ page: 'properties' })}
      itemLabel={detail?.name}
    />
  );

  if (!detail) return <DetailPlaceholder breadcrumbs={breadcrumbs} error={error} />;

  const [mainAddress, ...otherAddresses] = detail.addresses;

  return (
    <Stack gap="lg" maw={1200}>
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{detail.name}</Title>
          {mainAddress && <Text data-testid="main-address">{formatAddress(mainAddress)}</Text>}
          {otherAddresses.map((address) => (
            <Text key={address.id} size="sm" c="dimmed">
              {formatAddress(address)}
            </Text>
          ))}
          {detail.referenceId && (
            <Text size="sm" c="dimmed">
              {t('properties.referenceId', { referenceId: detail.referenceId })}
            </Text>
          )}
        </Stack>
        <Group>
          <Button variant="default" onClick={() => setDialog({ kind: 'property' })}>
            {t('app.edit')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'invite' })} disabled={detail.units.length === 0}>
            {t('properties.detail.invite')}
          </Button>
        </Group>
      </Group>

      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('properties.units.title')}
        </Title>
        {detail.units.length === 0 ? (
          <Card withBorder padding="xl">
            <EmptyState
              title={t('properties.units.empty.title')}
              description={t('properties.units.empty.text')}
            >
              <EmptyState.Actions>
                <Button onClick={() => setDialog({ kind: 'unit', unit: null })}>
                  {t('properties.units.create')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Card>
        ) : (
          <UnitsTable
            units={detail.units}
            onCreate={() => setDialog({ kind: 'unit', unit: null })}
            onEdit={(unit) => setDialog({ kind: 'unit', unit })}
          />
        )}
      </Stack>

      {dialog?.kind === 'property' && (
        <PropertyFormModal
          property={detail}
          onClose={() => setDialog(null)}
          onSaved={(property) => {
            setDialog(null);
            notifySuccess(t('properties.updated', { name: property.name }));
          }}
        />
      )}
      {dialog?.kind === 'unit' && (
        <UnitFormModal
          propertyId={detail.id}
          unit={dialog.unit}
          onClose={() => setDialog(null)}
          onSaved={(unit) => {
            notifySuccess(
              t(dialog.unit ? 'properties.units.updated' : 'properties.units.created', {
                number: unit.number,
              }),
            );
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'invite' && (
        <InviteContactsModal
          propertyId={detail.id}
          propertyName={detail.name}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
