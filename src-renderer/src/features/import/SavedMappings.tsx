import { useState } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportFileView, SavedImportMapping } from '../../../../shared/contract/imports';
import { formatDateTime } from '../../i18n';

/** The kept mappings (the last 5) of files with this file's columns, to take one over. */
export function SavedMappings({
  file,
  onChoose,
}: {
  file: ImportFileView;
  onChoose: (saved: SavedImportMapping) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const header = JSON.stringify(file.headers);
  const fitting = file.savedMappings.filter((m) => JSON.stringify(m.headers) === header);
  if (fitting.length === 0) return null;
  return (
    <Select
      label={t('dataImport.savedMapping')}
      description={t('dataImport.savedMappingHint')}
      placeholder={t('dataImport.savedMapping')}
      data={fitting.map((m, index) => ({
        value: String(index),
        label: `${m.name} (${formatDateTime(m.usedAt)})`,
      }))}
      value={chosen}
      onChange={(value) => {
        setChosen(value);
        const saved = value === null ? undefined : fitting[Number(value)];
        if (saved) onChoose(saved);
      }}
      maw={480}
    />
  );
}
