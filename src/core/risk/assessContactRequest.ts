import type { CallerRisk } from './CallerRisk.ts';

/**
 * A page asks the service worker about one contact. `customer` is the raw number or identifier
 * Connect gave; it travels in this one runtime message (in-process, never stored) and the worker
 * forgets it once it has a verdict.
 */
export interface AssessContactRequest {
  contactId: string;
  channel: string;
  customer: string | null;
}

export interface AssessContactResponse {
  risk: CallerRisk;
}

const MAX_ID = 256;
const MAX_CUSTOMER = 256;

export function parseAssessContactRequest(value: unknown): AssessContactRequest | null {
  if (!isAssessContactRequest(value)) return null;
  return { contactId: value.contactId, channel: value.channel, customer: value.customer };
}

export function parseAssessContactResponse(value: unknown): AssessContactResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const { risk } = value as Record<string, unknown>;
  return isCallerRisk(risk)
    ? {
        risk: {
          check: risk.check,
          denyListed: risk.denyListed,
          repeat: risk.repeat ? { ordinal: risk.repeat.ordinal, windowMinutes: risk.repeat.windowMinutes } : null,
        },
      }
    : null;
}

function isAssessContactRequest(value: unknown): value is AssessContactRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { contactId, channel, customer } = value as Record<string, unknown>;
  return (
    typeof contactId === 'string' &&
    contactId.length > 0 &&
    contactId.length <= MAX_ID &&
    typeof channel === 'string' &&
    channel.length <= 32 &&
    (customer === null || (typeof customer === 'string' && customer.length <= MAX_CUSTOMER))
  );
}

export function isCallerRisk(value: unknown): value is CallerRisk {
  if (typeof value !== 'object' || value === null) return false;
  const { check, denyListed, repeat } = value as Record<string, unknown>;
  return (
    (check === 'checked' || check === 'withheld' || check === 'unrecognized' || check === 'not_provided') &&
    typeof denyListed === 'boolean' &&
    (repeat === null ||
      (typeof repeat === 'object' &&
        typeof (repeat as Record<string, unknown>)['ordinal'] === 'number' &&
        typeof (repeat as Record<string, unknown>)['windowMinutes'] === 'number'))
  );
}
