import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { useAppStore } from '../../stores/appStore';
import { usePropertyOptions } from '../common/options';
import { ContactPicker, type PickedContact } from '../sharing/ContactPicker';

/** What the Protokoll is narrowed to: Berlin calendar days (both inclusive) and the filters; null = any. */
export interface AuditFilterValue {
  from: string | null;
  to: string | null;
  contact: PickedContact | null;
  propertyId: number | null;
  contentId: number | null;
  action: string | null;
  actor: string | null;
}

export const noAuditFilters: AuditFilterValue = {
  from: null,
  to: null,
  contact: null,
  propertyId: null,
  contentId: null,
  action: null,
  actor: null,
};

/** The request of a filter value (the contact by its id). */
export function auditQuery({ contact, ...rest }: AuditFilterValue) {
  return { ...rest, contactId: contact?.id ?? null };
}

const CONTENT_CHOICES = 200;

/** The Protokoll's filters: days, contact, property, content, action and person. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValue;
  onChange(value: AuditFilterValue): void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const facets = useChannelQuery('auditLog.facets', { language });
  const properties = usePropertyOptions();
  const contents = useChannelQuery('content.list', { limit: CONTENT_CHOICES });
  const set = (patch: Partial<AuditFilterValue>) => onChange({ ...value, ...patch });
  const id = (text: string | null) => (text === null ? null : Number(text));
  const chosen = (n: number | null) => (n === null ? null : String(n));
  const any = t('auditLog.filters.any');
  const filtered = Object.values(value).some((v) => v !== null);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        type="date"
        label={t('auditLog.from')}
        value={value.from ?? ''}
        onChange={(event) => set({ from: event.currentTarget.value || null })}
      />
      <TextInput
        type="date"
        label={t('auditLog.to')}
        value={value.to ?? ''}
        onChange={(event) => set({ to: event.currentTarget.value || null })}
      />
      <div style={{ minWidth: 220, flex: '1 1 220px' }}>
        <ContactPicker
          label={t('auditLog.filters.contact')}
          placeholder={t('auditLog.filters.contactPlaceholder')}
          value={value.contact === null ? [] : [value.contact]}
          onChange={(picked) => set({ contact: picked.at(-1) ?? null })}
        />
      </div>
      <Select
        label={t('auditLog.filters.property')}
        placeholder={any}
        searchable
        clearable
        data={properties}
        value={chosen(value.propertyId)}
        onChange={(next) => set({ propertyId: id(next) })}
        w={200}
      />
      <Select
        label={t('auditLog.filters.content')}
        placeholder={any}
        searchable
        clearable
        data={(contents.data?.items ?? []).map((item) => ({ value: String(item.id), label: item.title }))}
        value={chosen(value.contentId)}
        onChange={(next) => set({ contentId: id(next) })}
        w={200}
      />
      <Select
        label={t('auditLog.filters.action')}
        placeholder={any}
        searchable
        clearable
        data={facets.data?.actions ?? []}
        value={value.action}
        onChange={(next) => set({ action: next })}
        w={220}
      />
      <Select
        label={t('auditLog.filters.actor')}
        placeholder={any}
        clearable
        data={facets.data?.actors ?? []}
        value={value.actor}
        onChange={(next) => set({ actor: next })}
        w={160}
      />
      {filtered && (
        <Button variant="default" onClick={() => onChange(noAuditFilters)}>
          {t('auditLog.reset')}
        </Button>
      )}
    </Group>
  );
}
