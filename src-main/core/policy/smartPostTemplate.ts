/** SmartPost templates in the core: the rules live in shared/smartPost.ts, shared with the form. */
import { DomainError } from '../../../shared/errors';
import { unknownPlaceholder } from '../../../shared/smartPost';

export { fillTemplate } from '../../../shared/smartPost';

/** Refuses a template with an unknown placeholder or unbalanced braces (UNKNOWN_PLACEHOLDER). */
export function checkTemplate(template: string): void {
  const placeholder = unknownPlaceholder(template);
  if (placeholder !== null) throw new DomainError('UNKNOWN_PLACEHOLDER', { placeholder });
}
