import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { fetchChannel, listenToCoreEvents, queryClient } from './api/queries';
import { App } from './App';
import { systemLanguage } from './features/startupFault/systemLanguage';
import { initI18n } from './i18n';
import { useAppStore } from './stores/appStore';
import { cssVariablesResolver, theme } from './theme';

async function bootstrap() {
  const preferences = await fetchChannel('preferences.get').catch(() => null);
  const language = preferences?.language ?? systemLanguage(navigator.languages);
  await initI18n(language);
  useAppStore.getState().setLanguage(language);
  listenToCoreEvents();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing in index.html');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          {/* Below, so that no message covers the header's date and language switch. */}
          <Notifications position="bottom-right" />
          <App />
        </MantineProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void bootstrap();
