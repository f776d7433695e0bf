import { Alert, Center, Loader } from '@mantine/core';
import { AccessSettingsPage } from './features/accessSettings/AccessSettingsPage';
import { FirstStartPage } from './features/firstStart/FirstStartPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { AppLayout } from './features/shell/AppLayout';
import { errorMessage } from './i18n';
import { useAppStore } from './stores/appStore';

export function App() {
  const { status, page, error } = useAppStore();
  if (error && !status) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!status) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.needsFirstStartChoice) return <FirstStartPage />;
  return <AppLayout>{page === 'overview' ? <OverviewPage /> : <AccessSettingsPage />}</AppLayout>;
}
