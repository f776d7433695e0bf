import { Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportEffectList, ImportPreview } from '../../../../shared/contract/imports';
import { importTexts } from '../../../../shared/importTexts';
import { formatDate } from '../../i18n';
import { MissingContracts } from './MissingContracts';

const LEVELS = ['property', 'unit', 'contact', 'contract'] as const;
const EFFECTS = [
  'gained',
  'lost',
  'enteredWindow',
  'registeredLost',
  'invitePossible',
  'inviteImpossible',
] as const;

function EffectCard({ title, list }: { title: string; list: ImportEffectList }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="import-effect">
      <Text fw={600}>
        {title}: {list.total}
      </Text>
      <List size="sm">
        {list.items.slice(0, 5).map((item) => (
          <List.Item key={item.referenceId}>
            {item.displayName} ({t(`dataImport.grant.${item.before}`)} → {t(`dataImport.grant.${item.after}`)}
            {item.until ? `, ${t('dataImport.until', { date: formatDate(item.until) })}` : ''})
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

/** The dry run: counts per level, the access consequences today, seats, rejected and missing rows. */
export function ImportPreviewView({
  preview,
  onDownload,
  ending,
  onEndMissing,
}: {
  preview: ImportPreview;
  onDownload: () => void;
  /** The day the missing contracts end on, or null (left as they are). */
  ending: string | null;
  onEndMissing: (end: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const texts = importTexts[i18n.language === 'en' ? 'en' : 'de'];
  return (
    <Stack gap="md">
      <Text>
        {t('dataImport.rows', {
          total: preview.rows.total,
          imported: preview.rows.imported,
          rejected: preview.rows.rejected,
        })}
      </Text>
      <Table withTableBorder data-testid="import-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dataImport.level')}</Table.Th>
            <Table.Th>{t('dataImport.created')}</Table.Th>
            <Table.Th>{t('dataImport.changed')}</Table.Th>
            <Table.Th>{t('dataImport.unchanged')}</Table.Th>
            <Table.Th>{t('dataImport.rejectedLevel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {LEVELS.map((level) => (
            <Table.Tr key={level}>
              <Table.Td>{texts.levels[level]}</Table.Td>
              <Table.Td>{preview.counts[level].created}</Table.Td>
              <Table.Td>{preview.counts[level].changed}</Table.Td>
              <Table.Td>{preview.counts[level].unchanged}</Table.Td>
              <Table.Td>{preview.rejected.byLevel[level]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('dataImport.accessToday', { date: formatDate(preview.today) })}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {EFFECTS.map((effect) => (
          <EffectCard key={effect} title={t(`dataImport.effects.${effect}`)} list={preview.access[effect]} />
        ))}
      </SimpleGrid>
      <Text data-testid="import-seats">
        {t('dataImport.seats', {
          before: preview.seats.before,
          after: preview.seats.after,
          quota: preview.seats.quota ?? '—',
        })}
      </Text>
      {preview.missingContracts.total > 0 && (
        <MissingContracts preview={preview} ending={ending} onEnd={onEndMissing} />
      )}
      {preview.rejected.total > 0 && (
        <Group>
          <Text c="red">{t('dataImport.rejected', { count: preview.rejected.total })}</Text>
          <Button variant="light" onClick={onDownload}>
            {t('dataImport.downloadRejected')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
