import { describe, expect, it } from 'vitest';
import { AUDIT_CATALOGUE, AUDIT_EVENT_TYPES, type AuditEventType } from '../../../src/core/audit/auditCatalogue.ts';
import type { AuditDetails } from '../../../src/core/audit/AuditEvent.ts';
import type { AuditField } from '../../../src/core/audit/auditFields.ts';
import { MAX_AUDIT_COUNT } from '../../../src/core/audit/auditFields.ts';
import { buildAuditEvent } from '../../../src/core/audit/buildAuditEvent.ts';
import { parseAuditEvent } from '../../../src/core/audit/parseAuditEvent.ts';

/** Customer values that must never come out of an audit event, whatever input they are put in. */
const CANARIES: ReadonlyArray<{ name: string; text: string; digits?: string; actorMayKeep?: boolean }> = [
  { name: 'card number', text: '5555 5555 5555 4444', digits: '5555555555554444' },
  { name: 'card number without spaces', text: '4111111111111111', digits: '4111111111111111' },
  { name: 'SSN', text: '123-45-6789', digits: '123456789' },
  { name: 'IBAN', text: 'GB82 WEST 1234 5698 7654 32', digits: '82123456987654' },
  { name: 'phone', text: '+1 415 555 0134', digits: '14155550134' },
  { name: 'e-mail', text: 'jane.customer@example.com', actorMayKeep: true },
];
const NUMERIC_CANARY = 4111111111111111;

function canaryValue(spec: AuditField, text: string): unknown {
  if (spec.kind === 'count') return NUMERIC_CANARY;
  if (spec.kind === 'flag') return text;
  if (spec.kind === 'list') return [text, `https://${text}.example`];
  if (spec.kind === 'origin') return `https://x.example/${text}?q=${text}`;
  return text;
}

function canaryDetails(type: AuditEventType, text: string): Record<string, unknown> {
  const fields: Readonly<Record<string, AuditField>> = AUDIT_CATALOGUE[type].fields;
  const details: Record<string, unknown> = { value: text, raw: text };
  for (const [name, spec] of Object.entries(fields)) details[name] = canaryValue(spec, text);
  return details;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
  return [];
}

function leaks(output: unknown, canary: (typeof CANARIES)[number], actorFields: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const details = (output as { details: Record<string, unknown> }).details;
  for (const [name, value] of Object.entries(details)) {
    if (canary.actorMayKeep === true && actorFields.has(name)) continue;
    for (const text of strings(value)) {
      if (text.includes(canary.text)) found.push(`${name}: ${text}`);
      if (canary.digits !== undefined && text.replace(/\D/g, '').includes(canary.digits)) found.push(`${name} (digits): ${text}`);
      if (text.replace(/\D/g, '').includes(String(NUMERIC_CANARY))) found.push(`${name} (number): ${text}`);
    }
  }
  return found;
}

describe('the audit catalogue', () => {
  it('has stable names of the form area.event_name and a severity for each', () => {
    for (const type of AUDIT_EVENT_TYPES) {
      // Snake case, and the camel-case names issues have fixed (caller.denyListed).
      expect(type).toMatch(/^[a-z]+\.[a-z][a-zA-Z_]*$/);
      expect(['info', 'warn', 'error']).toContain(AUDIT_CATALOGUE[type].severity);
    }
  });

  for (const type of AUDIT_EVENT_TYPES) {
    const actorFields = new Set(
      Object.entries(AUDIT_CATALOGUE[type].fields as Record<string, AuditField>)
        .filter(([, spec]) => spec.kind === 'actor')
        .map(([name]) => name),
    );
    for (const canary of CANARIES) {
      it(`${type}: a ${canary.name} in every input never comes out (builder and page path)`, () => {
        const details = canaryDetails(type, canary.text);
        const built = buildAuditEvent(type, details as AuditDetails<typeof type>, Date.UTC(2026, 11, 1));
        expect(leaks(built, canary, actorFields)).toEqual([]);
        expect(Object.keys(built.details).every((key) => key in AUDIT_CATALOGUE[type].fields)).toBe(true);
        const parsed = parseAuditEvent({ type, at: '2026-12-01T00:00:00Z', details });
        if (parsed !== null) expect(leaks(parsed, canary, actorFields)).toEqual([]);
        // Storage and export read JSON: the serialized event is what leaves.
        expect(leaks(JSON.parse(JSON.stringify(built)), canary, actorFields)).toEqual([]);
      });
    }
  }
});

describe('buildAuditEvent', () => {
  it('keeps what SIEM queries need: ids, names, kinds, origins and counts', () => {
    const reveal = buildAuditEvent(
      'masking.reveal',
      {
        who: 'sup.tanaka@example.co.jp',
        contactId: '7f3c7a52-0d1e-4bb4-9c1e-2a3c1f0e9b10',
        attributeName: 'customerSSN',
        kind: 'ssn',
        kinds: ['ssn'],
        reason: 'Customer asked to verify identity',
      },
      Date.UTC(2026, 11, 1, 9),
    );
    expect(reveal).toEqual({
      type: 'masking.reveal',
      at: '2026-12-01T09:00:00.000Z',
      details: {
        who: 'sup.tanaka@example.co.jp',
        contactId: '7f3c7a52-0d1e-4bb4-9c1e-2a3c1f0e9b10',
        attributeName: 'customerSSN',
        kind: 'ssn',
        kinds: ['ssn'],
        reason: 'Customer asked to verify identity',
      },
    });
    expect(buildAuditEvent('origin.blocked', { origin: 'https://evil.example:8443/path?q=1', kind: 'xmlhttprequest', layer: 'dnr' }).details).toEqual({
      origin: 'https://evil.example:8443',
      kind: 'xmlhttprequest',
      layer: 'dnr',
    });
    expect(buildAuditEvent('caller.repeat', { contactId: 'c1', channel: 'voice', ordinal: 4, count: 3, windowMinutes: 60 }).details).toEqual({
      contactId: 'c1',
      channel: 'voice',
      ordinal: 4,
      count: 3,
      windowMinutes: 60,
    });
  });

  it('masks a value pasted into the reason and caps it', () => {
    const event = buildAuditEvent('masking.reveal', {
      who: 'sup',
      contactId: 'c1',
      attributeName: 'ssn',
      kind: 'ssn',
      kinds: [],
      reason: `card 4111 1111 1111 1111 ${'x'.repeat(900)}`,
    });
    expect(event.details.reason).not.toContain('4111 1111 1111 1111');
    expect(event.details.reason.length).toBeLessThanOrEqual(500);
  });

  it('bounds counts, so a number-shaped value cannot ride in a count', () => {
    const event = buildAuditEvent('audit.events_dropped', { dropped: 4111111111111111, reason: 'size', firstSequence: 1, lastSequence: 2 });
    expect(event.details.dropped).toBe(MAX_AUDIT_COUNT);
  });

  it('drops fields the catalogue does not declare', () => {
    const withValue = { contactId: 'c1', field: 'cardNumber', value: '4111111111111111' };
    expect(buildAuditEvent('ivr.plaintext_incident', withValue).details).toEqual({ contactId: 'c1', field: 'cardNumber' });
  });
});

describe('parseAuditEvent', () => {
  it('accepts events that fit their type and refuses the rest', () => {
    expect(parseAuditEvent({ type: 'ccp.origin_violation', at: '2026-11-29T00:00:00Z', details: { origin: 'https://evil.example' } })).toEqual({
      type: 'ccp.origin_violation',
      at: '2026-11-29T00:00:00.000Z',
      details: { origin: 'https://evil.example' },
    });
    expect(parseAuditEvent({ type: 'made.up', at: '2026-11-29T00:00:00Z', details: {} })).toBeNull();
    expect(parseAuditEvent({ type: 'ccp.recovered', at: 'yesterday', details: {} })).toBeNull();
    expect(
      parseAuditEvent({ type: 'origin.blocked', at: '2026-11-29T00:00:00Z', details: { origin: 'https://a.example', kind: 'fetch', layer: 'wall' } }),
    ).toBeNull();
    expect(parseAuditEvent({ type: 'masking.reveal', at: '2026-11-29T00:00:00Z', details: { nested: { value: 'x' } } })).toBeNull();
    expect(parseAuditEvent(null)).toBeNull();
  });
});
