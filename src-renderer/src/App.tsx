import { useEffect } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { AccessSettingsPage } from './features/accessSettings/AccessSettingsPage';
import { BackupsPage } from './features/backups/BackupsPage';
import { ContactDetailPage } from './features/contacts/ContactDetailPage';
import { ContactsPage } from './features/contacts/ContactsPage';
import { ContentDetailPage } from './features/content/ContentDetailPage';
import { ContentPage } from './features/content/ContentPage';
import { AuditLogPage } from './features/auditLog/AuditLogPage';
import { DataProtectionPage } from './features/dataProtection/DataProtectionPage';
import { ImportPage } from './features/import/ImportPage';
import { FirstStartPage } from './features/firstStart/FirstStartPage';
import { MailSettingsPage } from './features/mailSettings/MailSettingsPage';
import { OutboxPage } from './features/outbox/OutboxPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { PortalPreviewPage } from './features/portal/PortalPreviewPage';
import { PropertiesPage } from './features/properties/PropertiesPage';
import { PropertyDetailPage } from './features/properties/PropertyDetailPage';
import { AppLayout } from './features/shell/AppLayout';
import { StartupFaultScreen } from './features/startupFault/StartupFaultScreen';
import { TeamDatabasePage } from './features/teamDatabase/TeamDatabasePage';
import { errorMessage } from './i18n';
import { useChannelQuery } from './api/queries';
import { useAppStore, type Route } from './stores/appStore';

function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'contacts':
      return <ContactsPage />;
    case 'contact':
      return <ContactDetailPage key={route.id} id={route.id} />;
    case 'properties':
      return <PropertiesPage />;
    case 'property':
      return <PropertyDetailPage key={route.id} id={route.id} />;
    case 'contents':
      return <ContentPage />;
    case 'content':
      return <ContentDetailPage key={route.id} id={route.id} />;
    case 'portalPreview':
      return <PortalPreviewPage key={route.contactId} contactId={route.contactId} />;
    case 'outbox':
      return <OutboxPage key={route.state ?? 'all'} initialState={route.state ?? null} />;
    case 'accessSettings':
      return <AccessSettingsPage />;
    case 'mailSettings':
      return <MailSettingsPage />;
    case 'dataProtection':
      return <DataProtectionPage />;
    case 'auditLog':
      return <AuditLogPage />;
    case 'backups':
      return <BackupsPage />;
    case 'dataImport':
      return <ImportPage />;
    case 'teamDatabase':
      return <TeamDatabasePage />;
  }
}

export function App() {
  const route = useAppStore((state) => state.route);
  // Every page opens at its top, not at the scroll position of the page before.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route]);
  const { data: status, error } = useChannelQuery('app.status', undefined);
  // The data store could not be opened: every channel but startup.* answers STARTUP_FAULT.
  if (error?.code === 'STARTUP_FAULT') return <StartupFaultScreen />;
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!status) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.needsFirstStartChoice) return <FirstStartPage />;
  return (
    <AppLayout>
      <CurrentPage route={route} />
    </AppLayout>
  );
}
