import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Access, Grant } from '../../../../shared/domain';
import type { InvitationState } from '../../../../shared/ipc';
import { formatDate } from '../../i18n';

export const grantColors: Record<Grant, string> = {
  active: 'green',
  pre: 'blue',
  post: 'orange',
  none: 'gray',
};

/** "Aktiver Vertrag" / "Vor Vertragsbeginn" / "Nach Vertragsende" / "Kein Zugang". */
export function AccessBadge({ access }: { access: Pick<Access, 'grant'> }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={grantColors[access.grant]}
      variant="light"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(`access.${access.grant}`)}
    </Badge>
  );
}

/** One sentence for the access today, e.g. "Zugang nach Vertragsende bis 26.01.2027". */
export function useAccessSentence(): (access: Access) => string {
  const { t } = useTranslation();
  return (access) => {
    if (access.grant === 'none') return t('access.sentence.none');
    if (access.until === null) return t('access.sentence.activeOpen');
    return t(`access.sentence.${access.grant}`, { date: formatDate(access.until) });
  };
}

const invitationColors: Record<InvitationState, string> = {
  none: 'gray',
  pending: 'blue',
  redeemed: 'green',
  expired: 'yellow',
  revoked: 'red',
};

/** Nicht eingeladen / Eingeladen / Registriert / Abgelaufen / Widerrufen. */
export function InvitationBadge({ state, testId }: { state: InvitationState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={invitationColors[state]}
      variant="outline"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
      data-testid={testId}
    >
      {t(`invitation.state.${state}`)}
    </Badge>
  );
}
