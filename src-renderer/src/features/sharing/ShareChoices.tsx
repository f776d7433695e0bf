import { useState } from 'react';
import { Alert, Button, Fieldset, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { errorMessage } from '../../i18n';
import type { PickedContact } from './ContactPicker';
import { RoleFields, roleTarget, type RoleChoice } from './RoleFields';
import { useRoleContacts } from './sharePreview';

export type ShareMode = 'role' | 'individual';

/** "Nach Rolle" or "Einzeln" as two cards; SmartPost cannot be shared by role. */
export function ShareModeChoice({
  mode,
  isSmartPost,
  onChange,
}: {
  mode: ShareMode;
  isSmartPost: boolean;
  onChange(mode: ShareMode): void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('sharing.mode.label')}
      value={mode}
      onChange={(value) => onChange(value as ShareMode)}
    >
      <SimpleGrid cols={2} mt={4}>
        {(['role', 'individual'] as const).map((value) => {
          const disabled = value === 'role' && isSmartPost;
          return (
            <Radio.Card
              key={value}
              value={value}
              disabled={disabled}
              aria-label={t(`sharing.mode.${value}`)}
              aria-describedby={`share-mode-${value}-hint`}
              p="sm"
              style={disabled ? { opacity: 0.55, cursor: 'not-allowed' } : undefined}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator disabled={disabled} />
                <div>
                  <Text fw={600} size="sm">
                    {t(`sharing.mode.${value}`)}
                  </Text>
                  <Text size="xs" c="dimmed" id={`share-mode-${value}-hint`}>
                    {t(disabled ? 'sharing.mode.roleNotForSmartPost' : `sharing.mode.${value}Hint`)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}

/**
 * SmartPost's "Kontakte aus Rolle übernehmen": every contact of a role — recipients and skipped
 * alike, each gets a letter — is added to the chosen contacts.
 */
export function TakeFromRole({
  contentId,
  choice,
  onChoice,
  contacts,
  onContacts,
}: {
  contentId: number;
  choice: RoleChoice;
  onChoice(choice: RoleChoice): void;
  contacts: PickedContact[];
  onContacts(contacts: PickedContact[]): void;
}) {
  const { t } = useTranslation();
  const roleContacts = useRoleContacts(contentId);
  const [taking, setTaking] = useState(false);
  const [taken, setTaken] = useState<{ added: number; skipped: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function take() {
    const role = roleTarget(choice);
    if (!role) return;
    setTaking(true);
    setError(null);
    const resolved = await roleContacts(role);
    setTaking(false);
    if (!resolved.ok) return setError(resolved.error);
    const known = new Set(contacts.map((contact) => contact.id));
    const fromRole: PickedContact[] = [];
    for (const { contactId, displayName } of [...resolved.value.recipients, ...resolved.value.skipped]) {
      if (known.has(contactId)) continue;
      known.add(contactId);
      fromRole.push({ id: contactId, displayName });
    }
    onContacts([...contacts, ...fromRole]);
    setTaken({ added: fromRole.length, skipped: resolved.value.skipped.length });
  }

  return (
    <Fieldset legend={t('sharing.smartpost.fromRole')} variant="filled">
      <Stack gap="sm">
        <Text size="sm">{t('sharing.smartpost.fromRoleHint')}</Text>
        <RoleFields choice={choice} onChange={onChoice} />
        <Group>
          <Button
            variant="light"
            disabled={choice.propertyId === null}
            loading={taking}
            onClick={() => void take()}
          >
            {t('sharing.smartpost.fromRole')}
          </Button>
          {taken && (
            <Text size="sm" data-testid="share-taken-from-role">
              {t('sharing.smartpost.taken', { count: taken.added })}{' '}
              {taken.skipped > 0 &&
                t('sharing.smartpost.takenSkipped', {
                  count: taken.skipped,
                })}
            </Text>
          )}
        </Group>
        {error && <Alert color="red">{errorMessage(error)}</Alert>}
      </Stack>
    </Fieldset>
  );
}
