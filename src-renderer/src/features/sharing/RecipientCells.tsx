import { Anchor, Badge, Box, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareRecipientView } from '../../../../shared/contract/content';
import { useAppStore } from '../../stores/appStore';
import { AccessBadge } from '../common/AccessBadge';

/** The columns every recipients table starts with: name, unit, access, visible today. */
export function RecipientHeaderCells() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('sharing.columns.name')}</Table.Th>
      <Table.Th>{t('sharing.columns.unit')}</Table.Th>
      <Table.Th>{t('sharing.columns.access')}</Table.Th>
      <Table.Th>{t('sharing.columns.today')}</Table.Th>
    </>
  );
}

/** One recipient's cells under RecipientHeaderCells; the name opens the contact. */
export function RecipientCells({ recipient }: { recipient: ShareRecipientView }) {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => navigate({ page: 'contact', id: recipient.contactId })}
        >
          {recipient.displayName}
        </Anchor>
      </Table.Td>
      <Table.Td>{recipient.units || '—'}</Table.Td>
      <Table.Td>
        <Box miw="max-content">
          <AccessBadge access={recipient.access} />
        </Box>
      </Table.Td>
      <Table.Td>
        <Box miw="max-content">
          <VisibleTodayBadge visible={recipient.visibleToday} />
        </Box>
      </Table.Td>
    </>
  );
}

/** "Heute sichtbar" or not, as a dot badge. */
function VisibleTodayBadge({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      tt="none"
      color={visible ? 'green' : 'gray'}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(visible ? 'sharing.visibleToday' : 'sharing.notVisibleToday')}
    </Badge>
  );
}
