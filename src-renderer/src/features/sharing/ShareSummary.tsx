import { Alert, Button, Group, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareResult } from '../../../../shared/ipc';
import { useAppStore } from '../../stores/appStore';
import { SavePdfButton } from '../common/SavePdfButton';
import { NeedsPost } from './ShareWarnings';

/** What sharing did: recipients, notifications, letters to print, and who gets theirs by post. */
export function ShareSummary({ result, onClose }: { result: ShareResult; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const lettersFile = result.lettersFile;
  return (
    <Stack gap="md" data-testid="share-summary">
      <Alert color="green" title={t('sharing.summary.title')}>
        <List size="sm">
          <List.Item>
            {t('sharing.summary.sharedWith', {
              count: result.sharedWith,
            })}
          </List.Item>
          <List.Item>
            {t('sharing.summary.notifications', {
              count: result.notifications,
            })}
          </List.Item>
          {result.letters > 0 && (
            <List.Item data-testid="summary-post-letters">
              {t('sharing.summary.postLetters', { count: result.letters })}
            </List.Item>
          )}
          {lettersFile && <List.Item>{t('sharing.summary.letters')}</List.Item>}
        </List>
      </Alert>
      {result.needsPost.length > 0 && (
        <NeedsPost count={result.needsPost.length} contacts={result.needsPost} />
      )}
      <Group justify="flex-end">
        {lettersFile && <SavePdfButton file={lettersFile}>{t('sharing.summary.saveLetters')}</SavePdfButton>}
        {result.notifications + result.letters > 0 && (
          <Button
            variant="light"
            onClick={() => {
              onClose();
              navigate({ page: 'outbox' });
            }}
          >
            {t('sharing.summary.toOutbox')}
          </Button>
        )}
        <Button onClick={onClose}>{t('app.close')}</Button>
      </Group>
    </Stack>
  );
}
