import { useState } from 'react';
import { Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/imports';
import { formatDate } from '../../i18n';
import { DateField } from '../common/DateField';

/**
 * Contracts of the file's properties that the file does not name: left as they are, or — chosen
 * here with a day — ended by the import. Choosing shows the dry run again with their consequences;
 * the commit then ends them.
 */
export function MissingContracts({
  preview,
  ending,
  onEnd,
}: {
  preview: ImportPreview;
  /** The day they end on, or null when they are left as they are. */
  ending: string | null;
  onEnd: (end: string | null) => void;
}) {
  const { t } = useTranslation();
  const [day, setDay] = useState(ending ?? preview.today);
  const missing = preview.missingContracts;
  return (
    <Card withBorder padding="sm" data-testid="import-missing">
      <Stack gap="xs">
        <Text c="orange">
          {t(ending ? 'dataImport.missingEnding' : 'dataImport.missing', {
            count: missing.total,
            date: ending ? formatDate(ending) : '',
          })}
        </Text>
        <List size="sm">
          {missing.items.slice(0, 5).map((k) => (
            <List.Item key={k.contractId}>
              {k.contactName} · {k.propertyName} · {k.unitLabel} · {k.number} ({formatDate(k.start)}
              {k.end ? ` – ${formatDate(k.end)}` : ''})
            </List.Item>
          ))}
        </List>
        {ending ? (
          <Group>
            <Button variant="default" onClick={() => onEnd(null)}>
              {t('dataImport.keepMissing')}
            </Button>
          </Group>
        ) : (
          <Group align="flex-end">
            <DateField label={t('dataImport.endMissingOn')} value={day} onChange={setDay} w={200} />
            <Button variant="light" color="orange" disabled={day === ''} onClick={() => onEnd(day)}>
              {t('dataImport.endMissing', { count: missing.items.length })}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
