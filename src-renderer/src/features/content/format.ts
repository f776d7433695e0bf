import { documentTypes } from '../../../../shared/contract/content';
import { formatDate } from '../../i18n';

/** A local date-time `YYYY-MM-DDTHH:mm` (appointments): "27.11.2026, 14:00". */
export function formatLocalDateTime(value: string): string {
  const [date, time] = value.split('T');
  return date && time ? `${formatDate(date)}, ${time.slice(0, 5)}` : value;
}

/** "PDF, PNG, JPG, TXT, DOCX, XLSX": the document types the contract allows. */
export const documentTypeList = Object.values(documentTypes)
  .map((extension) => extension.slice(1).toUpperCase())
  .join(', ');
