import { useMemo, useState } from 'react';
import { Alert, Box, Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { ContentDetail, ShareResult, ShareTarget } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { errorMessage } from '../../i18n';
import { LettersProgress } from '../common/LettersProgress';
import { useReturnFocus } from '../common/useReturnFocus';
import { ContactPicker, type PickedContact } from './ContactPicker';
import { LetterPreview } from './LetterPreview';
import { RoleFields, roleTarget, type RoleChoice } from './RoleFields';
import { ShareModeChoice, TakeFromRole, type ShareMode } from './ShareChoices';
import { SharePreviewPanel } from './SharePreviewPanel';
import { ShareSummary } from './ShareSummary';
import { useSharePreview, useSkippedAsIndividual } from './sharePreview';

/**
 * "Teilen": by role (Alle Kontakte / Mieter / Eigentümer of a property or units) or with single
 * contacts. A live preview counts the recipients and, before anything is sent, names the contacts a
 * role share would skip because they have no active contract — with the offer to add them one by one.
 * SmartPost is always shared individually (every recipient gets their own letter).
 */
export function ShareDialog({ content, onClose }: { content: ContentDetail; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const isSmartPost = content.kind === 'smartpost';
  const share = useChannelMutation('sharing.share');
  const [mode, setMode] = useState<ShareMode>(isSmartPost ? 'individual' : 'role');
  const [choice, setChoice] = useState<RoleChoice>({
    role: 'all',
    propertyId: content.propertyId === null ? null : String(content.propertyId),
    unitIds: [],
  });
  const [contacts, setContacts] = useState<PickedContact[]>([]);
  const [alsoIndividually, setAlsoIndividually] = useState(false);
  const [sendError, setSendError] = useState<AppError | null>(null);
  const [result, setResult] = useState<ShareResult | null>(null);

  const target = useMemo<ShareTarget | null>(() => {
    if (mode === 'role') return roleTarget(choice);
    return contacts.length > 0
      ? { mode: 'individual', contactIds: contacts.map((contact) => contact.id) }
      : null;
  }, [mode, choice, contacts]);

  const { preview, error } = useSharePreview(content.id, target);
  const skipped = mode === 'role' && preview ? preview.skipped : [];
  const refused = mode === 'individual' && preview ? preview.refused : [];
  // Skipped contacts are never among the role share's recipients (no active contract): all are added.
  const added = alsoIndividually ? skipped : [];
  const addedPreview = useSkippedAsIndividual(content.id, added);
  const count = (preview?.recipientCount ?? 0) + added.length;
  const canShare = target !== null && preview !== undefined && count > 0 && refused.length === 0;

  async function submit() {
    if (!target || !canShare) return;
    setSendError(null);
    const shared = await share.mutateAsync({
      contentId: content.id,
      target,
      alsoIndividually: added.map((contact) => contact.contactId),
    });
    if (!shared.ok) return setSendError(shared.error);
    setResult(shared.value);
  }

  const title = t('sharing.title', { title: content.title });
  if (result) {
    return (
      <Modal opened onClose={onClose} title={title} size="xl" centered>
        <ShareSummary result={result} onClose={onClose} />
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      <Stack gap="md">
        <ShareModeChoice mode={mode} isSmartPost={isSmartPost} onChange={setMode} />

        {isSmartPost && (
          <Alert color="grape" variant="light" data-testid="share-smartpost-hint">
            {t('sharing.smartpost.hint')}
          </Alert>
        )}

        {mode === 'role' ? (
          <Stack gap="xs">
            <RoleFields choice={choice} onChange={setChoice} />
            <Text size="xs" c="dimmed">
              {t('sharing.roleHint')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            {isSmartPost && (
              <TakeFromRole
                contentId={content.id}
                choice={choice}
                onChoice={setChoice}
                contacts={contacts}
                onContacts={setContacts}
              />
            )}
            <ContactPicker
              label={t('sharing.contacts')}
              description={t('sharing.contactsHint')}
              placeholder={t('sharing.contactsPlaceholder')}
              value={contacts}
              onChange={setContacts}
            />
            {isSmartPost && <LetterPreview contentId={content.id} contacts={contacts} />}
          </Stack>
        )}

        <Divider />

        <Stack gap="sm" aria-live="polite">
          <SharePreviewPanel
            contentId={content.id}
            mode={mode}
            resolved={{ target, preview, error, added, addedPreview }}
            alsoIndividually={alsoIndividually}
            onAlsoIndividually={setAlsoIndividually}
            onRemoveRefused={(refusedIds) =>
              setContacts(contacts.filter((contact) => !refusedIds.has(contact.id)))
            }
          />
        </Stack>

        <LettersProgress active={share.isPending} />
        {sendError && <Alert color="red">{errorMessage(sendError)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Box>
            <Button
              disabled={!canShare || share.isPending}
              loading={share.isPending}
              onClick={() => void submit()}
            >
              {t('sharing.submit')}
            </Button>
          </Box>
        </Group>
      </Stack>
    </Modal>
  );
}
