import { useEffect } from 'react';
import { Alert, Breadcrumbs, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n';
import { useMailSettingsStore } from '../../stores/mailSettingsStore';
import { OrganisationCard } from './OrganisationCard';
import { SmtpCard } from './SmtpCard';

/** Administration › E-Mail-Versand & Absender: the Hausverwaltung and, optionally, SMTP. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  const { smtp, organisation, loadError, load } = useMailSettingsStore();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg" maw={820}>
      <Breadcrumbs>
        <Text size="sm">{t('nav.administration')}</Text>
        <Text size="sm">{t('nav.mailSettings')}</Text>
      </Breadcrumbs>
      <Title order={2}>{t('mail.title')}</Title>
      <Alert color="blue" data-testid="mail-offline">
        {t('mail.offline')}
      </Alert>

      {loadError && <Alert color="red">{errorMessage(loadError)}</Alert>}
      {!loadError && (!smtp || !organisation) && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}

      {/* A new saved state starts a fresh form (and forgets a typed password). */}
      {organisation && <OrganisationCard key={JSON.stringify(organisation)} saved={organisation} />}
      {smtp && <SmtpCard key={JSON.stringify(smtp)} saved={smtp} />}
    </Stack>
  );
}
