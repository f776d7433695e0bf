import { useState } from 'react';
import { Group, MultiSelect, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../../shared/ipc';
import { useChannelQuery } from '../../api/queries';
import { AccessBadge } from '../common/AccessBadge';
import { placeText } from '../common/placeText';

export interface PickedContact {
  id: number;
  displayName: string;
}

const RESULTS = 20;

/**
 * Contacts chosen by searching (name, e-mail or reference id, as on the contact list): each match
 * shows its access today; the chosen ones appear as removable chips. The list closes after a pick.
 */
export function ContactPicker({
  label,
  description,
  placeholder,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  placeholder?: string;
  value: PickedContact[];
  onChange(value: PickedContact[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Closed after each pick, so that the list never stays open over the dialog's buttons; typing opens it.
  const [opened, setOpened] = useState(false);
  // The search asked for, a moment after the last keystroke; the matches shown stay until the next arrive.
  const [lookedUp, setLookedUp] = useState('');
  const lookUpLater = useDebouncedCallback((text: string) => setLookedUp(text.trim()), 200);
  const matches = useChannelQuery(
    'contacts.list',
    { search: lookedUp, limit: RESULTS },
    { keepPrevious: true },
  );
  const results = matches.data?.items ?? [];

  const byId = new Map<string, ContactListItem>(results.map((contact) => [String(contact.id), contact]));
  const names = new Map<string, string>(value.map((contact) => [String(contact.id), contact.displayName]));
  for (const contact of results) names.set(String(contact.id), contact.displayName);
  const data = [...names].map(([id, name]) => ({ value: id, label: name }));

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? placeholder : undefined}
      error={error}
      searchable
      hidePickedOptions
      clearable
      data={data}
      value={value.map((contact) => String(contact.id))}
      searchValue={search}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onOptionSubmit={() => setOpened(false)}
      onSearchChange={(text) => {
        setSearch(text);
        lookUpLater(text);
      }}
      filter={({ options }) => options.filter((option) => 'value' in option && byId.has(option.value))}
      onChange={(ids) => onChange(ids.map((id) => ({ id: Number(id), displayName: names.get(id) ?? id })))}
      nothingFoundMessage={t('sharing.picker.nothingFound')}
      maxDropdownHeight={280}
      styles={{ pillsList: { maxHeight: 170, overflowY: 'auto' } }}
      renderOption={({ option }) => {
        const contact = byId.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <div>
              <Text size="sm">{option.label}</Text>
              {contact && (
                <Text size="xs" c="dimmed">
                  {[contact.place && placeText(contact.place), contact.referenceId, contact.email]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
            </div>
            {contact && <AccessBadge access={contact.access} />}
          </Group>
        );
      }}
    />
  );
}
