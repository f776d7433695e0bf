import { useState } from 'react';
import { Group, MultiSelect, Radio, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareRole } from '../../../../shared/domain';
import type { ShareTarget } from '../../../../shared/ipc';
import { usePropertyOptions, useUnitOptions } from '../common/options';

const roles: ShareRole[] = ['all', 'tenant', 'owner'];

export interface RoleChoice {
  role: ShareRole;
  propertyId: string | null;
  unitIds: string[];
}

export function roleTarget(choice: RoleChoice): ShareTarget | null {
  if (choice.propertyId === null) return null;
  return {
    mode: 'role',
    role: choice.role,
    propertyId: Number(choice.propertyId),
    unitIds: choice.unitIds.length > 0 ? choice.unitIds.map(Number) : null,
  };
}

/** Rolle, Liegenschaft and (optional) Einheiten of a role-based share. */
export function RoleFields({ choice, onChange }: { choice: RoleChoice; onChange(choice: RoleChoice): void }) {
  const { t } = useTranslation();
  const propertyOptions = usePropertyOptions();
  // The unit list is loaded when the picker is first opened (or units are already chosen).
  const [unitsWanted, setUnitsWanted] = useState(false);
  const unitOptions = useUnitOptions(
    choice.propertyId === null ? null : Number(choice.propertyId),
    unitsWanted || choice.unitIds.length > 0,
  );
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('sharing.role.label')}
        value={choice.role}
        onChange={(role) => onChange({ ...choice, role: role as ShareRole })}
      >
        <Group mt={4}>
          {roles.map((role) => (
            <Radio key={role} value={role} label={t(`sharing.role.${role}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Group grow align="flex-start">
        <Select
          label={t('sharing.property')}
          placeholder={t('sharing.propertyPlaceholder')}
          withAsterisk
          searchable
          data={propertyOptions}
          value={choice.propertyId}
          onChange={(propertyId) => onChange({ ...choice, propertyId, unitIds: [] })}
        />
        <MultiSelect
          label={t('sharing.units')}
          placeholder={choice.unitIds.length === 0 ? t('sharing.unitsPlaceholder') : undefined}
          searchable
          clearable
          disabled={choice.propertyId === null}
          data={unitOptions}
          value={choice.unitIds}
          onChange={(unitIds) => onChange({ ...choice, unitIds })}
          onDropdownOpen={() => setUnitsWanted(true)}
          maxDropdownHeight={260}
        />
      </Group>
    </Stack>
  );
}
