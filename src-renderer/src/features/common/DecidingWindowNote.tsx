import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecidingWindow } from '../../../../shared/domain';
import { formatDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';

/**
 * Which access window keeps a contact out today, in words: "Vorvertraglicher Zugang: 30 Tage vor
 * Vertragsbeginn am 01.03.2027 – ab 30.01.2027" or "Zugang nach Vertragsende ist ausgeschaltet".
 */
export function useWindowSentence() {
  const { t } = useTranslation();
  return (w: DecidingWindow) =>
    t(`access.window.${w.window}.${w.enabled ? 'on' : 'off'}`, {
      days: w.days,
      contractDay: formatDate(w.contractDay),
      windowDay: w.windowDay === null ? '' : formatDate(w.windowDay),
    });
}

/** The deciding window's sentence with the way to its setting (Rollen & Zugriffsrechte). */
export function DecidingWindowNote({ window }: { window: DecidingWindow }) {
  const { t } = useTranslation();
  const sentence = useWindowSentence();
  const navigate = useAppStore((state) => state.navigate);
  return (
    <Stack gap={2} align="flex-start" data-testid="deciding-window">
      <Text size="sm">{sentence(window)}</Text>
      <Anchor component="button" size="sm" onClick={() => navigate({ page: 'accessSettings' })}>
        {t('access.window.link')}
      </Anchor>
    </Stack>
  );
}
