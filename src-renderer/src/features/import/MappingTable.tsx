import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  importFields,
  MAX_IMPORT_PERSONS,
  type ImportFileView,
  type ImportMapping,
} from '../../../../shared/contract/imports';
import { fieldLabel } from '../../../../shared/importTexts';

const NONE = '';

/** "contract.start#1" for every field, contact fields once per person. */
function targetOptions(label: (field: string, person: number) => string) {
  return importFields.flatMap((field) =>
    (field.startsWith('contact.') ? [1, 2, 3, 4].slice(0, MAX_IMPORT_PERSONS) : [1]).map((person) => ({
      value: `${field}#${person}`,
      label: label(field, person),
    })),
  );
}

/** One row per column of the file: its header, its first value, and the field it fills. */
export function MappingTable({
  file,
  mapping,
  onChange,
}: {
  file: ImportFileView;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const label = (field: string, person: number) => fieldLabel(language, field, person);
  const options = [{ value: NONE, label: t('dataImport.skipColumn') }, ...targetOptions(label)];
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dataImport.column')}</Table.Th>
          <Table.Th>{t('dataImport.firstValue')}</Table.Th>
          <Table.Th>{t('dataImport.field')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {file.headers.map((header, index) => {
          const target = mapping[index];
          const value = target?.field ? `${target.field}#${target.person}` : NONE;
          return (
            <Table.Tr key={header}>
              <Table.Td>{header}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate maw={220}>
                  {file.sample[0]?.[index] ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('dataImport.fieldOf', { header })}
                  data={options}
                  value={value}
                  searchable
                  allowDeselect={false}
                  onChange={(next) => {
                    const [field, person] = (next ?? NONE).split('#');
                    const copy = [...mapping];
                    copy[index] = {
                      field: field ? (field as (typeof importFields)[number]) : null,
                      person: Number(person ?? 1) || 1,
                    };
                    onChange(copy);
                  }}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
