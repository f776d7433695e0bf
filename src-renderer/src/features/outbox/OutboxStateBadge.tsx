import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxState } from '../../../../shared/ipc';

const stateColors: Record<OutboxState, string> = {
  queued: 'blue',
  sending: 'cyan',
  sent: 'green',
  failed: 'red',
  withdrawn: 'gray',
};

/** In Warteschlange / Wird gesendet / Gesendet / Fehlgeschlagen / Zurückgezogen. */
export function OutboxStateBadge({ state }: { state: OutboxState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColors[state]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`outbox.state.${state}`)}
    </Badge>
  );
}
