import { useState } from 'react';
import { Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { useAppStore } from '../../stores/appStore';
import { valueOrNotify } from '../common/notify';

/** Shown once on an empty data store: load the demo portfolio or start empty. */
export function FirstStartPage() {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const chooseFirstStart = useChannelMutation('app.chooseFirstStart');
  const demo = useChannelQuery('app.status', undefined).data?.demoOffer;
  const [busy, setBusy] = useState<'demo' | 'empty' | null>(null);
  const choose = async (mode: 'demo' | 'empty') => {
    setBusy(mode);
    if (valueOrNotify(await chooseFirstStart.mutateAsync(mode))) navigate({ page: 'overview' });
    setBusy(null);
  };
  return (
    <Center mih="100vh" p="lg">
      <Card withBorder shadow="sm" padding="xl" maw={640}>
        <Stack>
          <Title order={1} size="h2">
            {t('firstStart.title')}
          </Title>
          <Text>{t('firstStart.text')}</Text>
          <Group grow align="flex-start">
            <Stack gap={4}>
              <Button loading={busy === 'demo'} disabled={busy !== null} onClick={() => void choose('demo')}>
                {t('firstStart.demo')}
              </Button>
              {demo && (
                <Text size="sm" c="dimmed" data-testid="demo-size">
                  {t('firstStart.demoHint', demo)}
                </Text>
              )}
            </Stack>
            <Stack gap={4}>
              <Button
                variant="default"
                loading={busy === 'empty'}
                disabled={busy !== null}
                onClick={() => void choose('empty')}
              >
                {t('firstStart.empty')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('firstStart.emptyHint')}
              </Text>
            </Stack>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
