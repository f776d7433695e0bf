import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { LoadStatus } from '../common/LoadStatus';
import { PageHeader } from '../common/PageHeader';
import { OrganisationCard } from './OrganisationCard';
import { SmtpCard } from './SmtpCard';

/** Administration › E-Mail-Versand & Absender: the Hausverwaltung and, optionally, SMTP. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  const { data: smtp, error: smtpError } = useChannelQuery('mail.getSettings', undefined);
  const { data: organisation, error: organisationError } = useChannelQuery('organisation.get', undefined);

  return (
    <Stack gap="lg" maw={820}>
      <PageHeader crumbs={[t('nav.administration'), t('nav.mailSettings')]} title={t('mail.title')} />
      <Alert color="blue" data-testid="mail-offline">
        {t('mail.offline')}
      </Alert>

      <LoadStatus
        error={smtpError ?? organisationError}
        loaded={smtp !== undefined && organisation !== undefined}
      />

      {/* A new saved state starts a fresh form (and forgets a typed password). */}
      {organisation && <OrganisationCard key={JSON.stringify(organisation)} saved={organisation} />}
      {smtp && <SmtpCard key={JSON.stringify(smtp)} saved={smtp} />}
    </Stack>
  );
}
