import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../common/useReturnFocus';

/** How many names the dialog lists before "and N more". */
const NAMES_SHOWN = 8;

interface Props {
  names: readonly string[];
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Before anonymising: who (how many), what is removed and revoked, what stays — and that it is final. */
export function AnonymiseConfirmation({ names, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const count = names.length;
  const more = count - NAMES_SHOWN;
  return (
    <Modal opened onClose={onCancel} title={t('dataProtection.confirm.title', { count })} centered size="lg">
      <Stack gap="sm">
        <Text data-testid="anonymise-names">
          {names.slice(0, NAMES_SHOWN).join(', ')}
          {more > 0 && ` ${t('dataProtection.confirm.more', { count: more })}`}
        </Text>
        <Text fw={600}>{t('dataProtection.confirm.what')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('dataProtection.confirm.personalData')}</List.Item>
          <List.Item>{t('dataProtection.confirm.revoked')}</List.Item>
          <List.Item>{t('dataProtection.confirm.audit')}</List.Item>
        </List>
        <Text size="sm">{t('dataProtection.confirm.kept')}</Text>
        <Text size="sm">
          {t('dataProtection.confirm.backups', { where: `${t('nav.administration')} › ${t('nav.backups')}` })}
        </Text>
        <Alert color="red">{t('dataProtection.confirm.final')}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            {t('dataProtection.confirm.accept', { count })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
