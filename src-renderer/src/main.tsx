import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { api } from './api/client';
import { App } from './App';
import { systemLanguage } from './features/startupFault/systemLanguage';
import { initI18n } from './i18n';
import { useAppStore } from './stores/appStore';
import { cssVariablesResolver, theme } from './theme';

async function bootstrap() {
  const preferences = await api.preferences.get();
  const language = preferences.ok ? preferences.value.language : systemLanguage(navigator.languages);
  await initI18n(language);
  await useAppStore.getState().init(language);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing in index.html');
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <Notifications position="top-right" />
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}

void bootstrap();
