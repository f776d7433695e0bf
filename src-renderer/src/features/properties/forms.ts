import { propertyInputSchema, unitInputSchema } from '../../../../shared/contract/portfolio';
import type { AppError, ErrorCode } from '../../../../shared/errors';
import type { PropertyDetail, PropertyInput, UnitInput, UnitView } from '../../../../shared/ipc';
import { fieldErrors } from '../common/fieldErrors';

/** Field path → translated message, e.g. `{ 'addresses.0.postcode': 'Die Postleitzahl …' }`. */
export type FieldErrors = Record<string, string>;

export interface AddressDraft {
  /** Stable React key while rows are added and removed. */
  key: number;
  street: string;
  houseNo: string;
  postcode: string;
  city: string;
}

export interface PropertyDraft {
  name: string;
  referenceId: string;
  addresses: AddressDraft[];
}

let nextAddressKey = 1;

export function emptyAddress(): AddressDraft {
  return { key: nextAddressKey++, street: '', houseNo: '', postcode: '', city: '' };
}

export function toPropertyDraft(property: PropertyDetail | null): PropertyDraft {
  if (!property) return { name: '', referenceId: '', addresses: [emptyAddress()] };
  return {
    name: property.name,
    referenceId: property.referenceId ?? '',
    addresses: property.addresses.map((address) => ({
      key: nextAddressKey++,
      street: address.street,
      houseNo: address.houseNo,
      postcode: address.postcode,
      city: address.city,
    })),
  };
}

/** The contract's own schema checks the form before sending, so the rules exist once. */
export function validateProperty(draft: PropertyDraft): FieldErrors {
  return fieldErrors(propertyInputSchema, toPropertyInput(draft));
}

export function toPropertyInput(draft: PropertyDraft): PropertyInput {
  return {
    name: draft.name.trim(),
    referenceId: draft.referenceId.trim() || null,
    addresses: draft.addresses.map(({ street, houseNo, postcode, city }) => ({
      street: street.trim(),
      houseNo: houseNo.trim(),
      postcode: postcode.trim(),
      city: city.trim(),
    })),
  };
}

export interface UnitDraft {
  name: string;
  number: string;
  usage: 'private' | 'commercial';
  referenceId: string;
}

export function toUnitDraft(unit: UnitView | null): UnitDraft {
  if (!unit) return { name: '', number: '', usage: 'private', referenceId: '' };
  return { name: unit.name, number: unit.number, usage: unit.usage, referenceId: unit.referenceId ?? '' };
}

export function validateUnit(propertyId: number, draft: UnitDraft): FieldErrors {
  return fieldErrors(unitInputSchema, toUnitInput(propertyId, draft));
}

export function toUnitInput(propertyId: number, draft: UnitDraft): UnitInput {
  return {
    propertyId,
    name: draft.name.trim(),
    number: draft.number.trim(),
    usage: draft.usage,
    referenceId: draft.referenceId.trim() || null,
  };
}

/**
 * Where a refusal from the core belongs in a form: the field its `params.field` names, or the field
 * a code is about (a duplicate reference id has no path). Null when it belongs to the form as a whole.
 */
export function fieldOfError(
  error: AppError,
  fields: readonly string[] | ((field: string) => boolean),
  byCode: Partial<Record<ErrorCode, string>> = {},
): string | null {
  const field = error.params.field;
  const known = typeof fields === 'function' ? fields : (name: string) => fields.includes(name);
  if (typeof field === 'string' && field && known(field)) return field;
  return byCode[error.code] ?? null;
}
