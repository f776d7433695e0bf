import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/appStore';

dayjs.extend(customParseFormat);

/** How a typed day is read: the app's own format first, ISO too (pasted from elsewhere). */
const formats = { de: ['DD.MM.YYYY', 'D.M.YYYY'], en: ['DD/MM/YYYY', 'D/M/YYYY'] } as const;

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** A calendar day 'YYYY-MM-DD', '' when empty. */
  value: string;
  onChange(value: string): void;
};

/**
 * A calendar day typed or picked, in the app's language and not the browser's: dd.mm.yyyy and a
 * German calendar in German, dd/mm/yyyy in English. Its value is an ISO day ('' when empty).
 */
export function DateField({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const locale = language === 'de' ? 'de' : 'en-gb';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        {...props}
        value={value === '' ? null : value}
        onChange={(day) => onChange(day ?? '')}
        valueFormat={formats[language][0]}
        dateParser={(typed) => {
          const day = dayjs(typed.trim(), [...formats[language], 'YYYY-MM-DD'], true);
          return day.isValid() ? day.format('YYYY-MM-DD') : null;
        }}
        placeholder={props.placeholder ?? t('app.datePlaceholder')}
        clearable={props.clearable}
        nextLabel={t('app.nextMonth')}
        previousLabel={t('app.previousMonth')}
        clearButtonProps={{ 'aria-label': t('app.clear') }}
        // Above the field: the calendar does not cover the form's buttons below it ("Speichern").
        popoverProps={{ position: 'top-start' }}
      />
    </DatesProvider>
  );
}
