import { useTranslation } from 'react-i18next';
import type { ShareView } from '../../../../shared/ipc';

/** "Alle Mieter · WEG Musterstraße 12" (· "3 Einheiten"), or the contact of an individual share. */
export function useShareTargetText(): (target: ShareView['target']) => string {
  const { t } = useTranslation();
  return (target) => {
    if (target.mode === 'individual') return target.displayName;
    const parts = [t(`sharing.target.${target.role}`), target.propertyName];
    if (target.unitIds && target.unitIds.length > 0)
      parts.push(t('sharing.target.units', { count: target.unitIds.length }));
    return parts.join(' · ');
  };
}
