import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Anonymisiert": the contact's personal data was removed; it is read-only. */
export function AnonymisedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="filled" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t('contact.anonymised.badge')}
    </Badge>
  );
}
