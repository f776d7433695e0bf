import type { ReactNode } from 'react';
import { AppShell, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n';
import { useAppStore, type Page } from '../../stores/appStore';

function NavItem({ page, label }: { page: Page; label: string }) {
  const current = useAppStore((state) => state.page);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <NavLink
      component="button"
      label={label}
      active={current === page}
      aria-current={current === page ? 'page' : undefined}
      onClick={() => navigate(page)}
    />
  );
}

/** Header (title, today, language) and the navigation around every page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { language, setLanguage, status } = useAppStore();
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
              data={[
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.title')}>
        <NavItem page="overview" label={t('nav.overview')} />
        <NavLink label={t('nav.administration')} defaultOpened childrenOffset={12}>
          <NavLink label={t('nav.customerPortal')} defaultOpened childrenOffset={12}>
            <NavItem page="accessSettings" label={t('nav.accessSettings')} />
          </NavLink>
        </NavLink>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
