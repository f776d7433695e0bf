import type { ReactNode } from 'react';
import { AppShell, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { changeLanguage, formatDate, languageOptions } from '../../i18n';
import { valueOrNotify } from '../common/notify';
import { LeaveConfirmation } from '../common/unsavedChanges';
import { useAppStore, type Page, type Route } from '../../stores/appStore';

/** Detail pages light up their list's navigation entry. */
const navParent: Partial<Record<Page, Page>> = {
  contact: 'contacts',
  property: 'properties',
  content: 'contents',
  portalPreview: 'contacts',
};

function NavItem({ route, label }: { route: Route; label: string }) {
  const current = useAppStore((state) => state.route.page);
  const navigate = useAppStore((state) => state.navigate);
  const active = current === route.page || navParent[current] === route.page;
  return (
    <NavLink
      component="button"
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={() => navigate(route)}
    />
  );
}

/** Stores the language as a preference, then shows the app in it. */
function useSetLanguage(): (language: Language) => Promise<void> {
  const updatePreferences = useChannelMutation('preferences.update');
  const showLanguage = useAppStore((state) => state.setLanguage);
  return async (language) => {
    if (!valueOrNotify(await updatePreferences.mutateAsync({ language }))) return;
    await changeLanguage(language);
    showLanguage(language);
  };
}

/** Header (title, today, language) and the navigation around every page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const setLanguage = useSetLanguage();
  const { data: status } = useChannelQuery('app.status', undefined);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            {t('app.title')}
          </Title>
          <Group gap="lg">
            {status && (
              <Text size="sm" c="dimmed" data-testid="today">
                {t('app.today', { date: formatDate(status.today, language) })}
              </Text>
            )}
            <SegmentedControl
              aria-label={t('app.language')}
              size="xs"
              value={language}
              onChange={(value) => void setLanguage(value === 'en' ? 'en' : 'de')}
              data={languageOptions}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.title')}>
        <NavItem route={{ page: 'overview' }} label={t('nav.overview')} />
        <NavItem route={{ page: 'contacts' }} label={t('nav.contacts')} />
        <NavItem route={{ page: 'properties' }} label={t('nav.properties')} />
        <NavItem route={{ page: 'contents' }} label={t('nav.contents')} />
        <NavItem route={{ page: 'outbox' }} label={t('nav.outbox')} />
        <NavLink component="button" label={t('nav.administration')} defaultOpened childrenOffset={12}>
          <NavLink component="button" label={t('nav.customerPortal')} defaultOpened childrenOffset={12}>
            <NavItem route={{ page: 'accessSettings' }} label={t('nav.accessSettings')} />
          </NavLink>
          <NavItem route={{ page: 'mailSettings' }} label={t('nav.mailSettings')} />
          <NavItem route={{ page: 'dataProtection' }} label={t('nav.dataProtection')} />
          <NavItem route={{ page: 'auditLog' }} label={t('nav.auditLog')} />
          <NavItem route={{ page: 'backups' }} label={t('nav.backups')} />
          <NavItem route={{ page: 'dataImport' }} label={t('nav.dataImport')} />
          <NavItem route={{ page: 'teamDatabase' }} label={t('nav.teamDatabase')} />
        </NavLink>
      </AppShell.Navbar>
      <AppShell.Main>
        {children}
        <LeaveConfirmation />
      </AppShell.Main>
    </AppShell>
  );
}
