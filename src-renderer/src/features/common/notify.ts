import { notifications } from '@mantine/notifications';
import type { AppError, Result } from '../../../../shared/errors';
import { errorMessage } from '../../i18n';

export function notifyError(error: AppError): void {
  notifications.show({ color: 'red', message: errorMessage(error) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

/** The value of a result, or undefined after telling the user why not. */
export function valueOrNotify<T>(result: Result<T>): T | undefined {
  if (result.ok) return result.value;
  notifyError(result.error);
  return undefined;
}
