import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareView } from '../../../../shared/contract/content';
import { formatInstantDate, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { ScrollRegion } from '../common/ScrollRegion';
import { RecipientCells, RecipientHeaderCells } from './RecipientCells';
import { useShareTargetText } from './targetText';

function ShareCard({ share, onRevoke }: { share: ShareView; onRevoke(): void }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const targetText = useShareTargetText();
  const target = targetText(share.target);
  const visible = share.recipients.filter((recipient) => recipient.visibleToday).length;
  return (
    <Card withBorder component="section" aria-label={target}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={2}>
          <Group gap="xs">
            {share.target.mode === 'individual' ? (
              <Anchor
                component="button"
                type="button"
                fw={600}
                onClick={() =>
                  share.target.mode === 'individual' &&
                  navigate({ page: 'contact', id: share.target.contactId })
                }
              >
                {target}
              </Anchor>
            ) : (
              <Text fw={600}>{target}</Text>
            )}
            <Badge variant="outline" tt="none" color={share.target.mode === 'role' ? 'teal' : 'grape'}>
              {t(`sharing.mode.${share.target.mode}Share`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('sharing.sharedOn', { date: formatInstantDate(share.createdAt) })} ·{' '}
            {t('sharing.visibleSummary', {
              visible: formatNumber(visible),
              total: formatNumber(share.recipients.length),
            })}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={`${t('sharing.revoke')}: ${target}`}
          onClick={onRevoke}
        >
          {t('sharing.revoke')}
        </Button>
      </Group>
      {share.recipients.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sharing.noRecipients')}
        </Text>
      ) : (
        <ScrollRegion label={t('sharing.recipientsOf', { target })} mah={320}>
          <Table verticalSpacing={6} stickyHeader aria-label={t('sharing.recipientsOf', { target })}>
            <Table.Thead>
              <Table.Tr>
                <RecipientHeaderCells />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {share.recipients.map((recipient) => (
                <Table.Tr key={recipient.contactId}>
                  <RecipientCells recipient={recipient} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}

/** Every individual share (Einzelfreigabe) of the content, one row per contact. */
function IndividualShares({ shares, onRevoke }: { shares: ShareView[]; onRevoke(share: ShareView): void }) {
  const { t } = useTranslation();
  if (shares.length === 0) return null;
  const rows = shares.flatMap((share) => share.recipients.map((recipient) => ({ share, recipient })));
  const visible = rows.filter((row) => row.recipient.visibleToday).length;
  const title = t('sharing.individualShares', {
    count: shares.length,
  });
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={2} mb="xs">
        <Group gap="xs">
          <Text fw={600}>{title}</Text>
          <Badge variant="outline" tt="none" color="grape">
            {t('sharing.mode.individualShare')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('sharing.visibleSummary', { visible: formatNumber(visible), total: formatNumber(rows.length) })}
        </Text>
      </Stack>
      <ScrollRegion label={title} mah={360}>
        <Table verticalSpacing={6} stickyHeader aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <RecipientHeaderCells />
              <Table.Th>{t('sharing.columns.sharedOn')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('sharing.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ share, recipient }) => (
              <Table.Tr key={share.id}>
                <RecipientCells recipient={recipient} />
                <Table.Td>{formatInstantDate(share.createdAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('sharing.revoke')}: ${recipient.displayName}`}
                    onClick={() => onRevoke(share)}
                  >
                    {t('sharing.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Card>
  );
}

/**
 * "Geteilt mit" on a content: each role share as a card, the individual shares in one table; with
 * nothing shared yet, the way to "Teilen".
 */
export function SharedWith({
  shares,
  onShare,
  onRevoke,
}: {
  shares: ShareView[];
  onShare(): void;
  onRevoke(share: ShareView): void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('sharing.sharedWith')}
      </Title>
      {shares.length === 0 ? (
        <Card withBorder>
          <Group justify="space-between">
            <Text c="dimmed">{t('sharing.notShared')}</Text>
            <Button variant="light" onClick={onShare}>
              {t('sharing.open')}
            </Button>
          </Group>
        </Card>
      ) : (
        <>
          {shares
            .filter((share) => share.target.mode === 'role')
            .map((share) => (
              <ShareCard key={share.id} share={share} onRevoke={() => onRevoke(share)} />
            ))}
          <IndividualShares
            shares={shares.filter((share) => share.target.mode === 'individual')}
            onRevoke={onRevoke}
          />
        </>
      )}
    </Stack>
  );
}
