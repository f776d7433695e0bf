import { useState } from 'react';
import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { skipToken } from '@tanstack/react-query';
import { useChannelQuery } from '../../api/queries';
import type { PickedContact } from './ContactPicker';

/**
 * "Briefvorschau": a SmartPost's letter as one of the chosen contacts will get it, placeholders
 * filled by the core exactly as the share fills them — read before anything is shared. A contact the
 * share would refuse shows no letter (the refusal is listed below).
 */
export function LetterPreview({ contentId, contacts }: { contentId: number; contacts: PickedContact[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const contactId = contacts.find((contact) => String(contact.id) === chosen)?.id ?? contacts[0]?.id ?? null;
  const { data: letter } = useChannelQuery(
    'sharing.letterPreview',
    contactId === null ? skipToken : { contentId, contactId },
  );
  if (contactId === null) return null;
  return (
    <Stack gap="xs" data-testid="letter-preview">
      <Select
        label={t('sharing.smartpost.previewFor')}
        data={contacts.map((contact) => ({ value: String(contact.id), label: contact.displayName }))}
        value={String(contactId)}
        onChange={setChosen}
        allowDeselect={false}
        maw={360}
      />
      {letter && (
        <Paper
          withBorder
          p="md"
          role="region"
          aria-label={t('sharing.smartpost.preview', { name: letter.displayName })}
        >
          <Title order={4} size="h6" mb="xs">
            {letter.subject}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {letter.body}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
