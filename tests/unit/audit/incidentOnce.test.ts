import { describe, expect, it } from 'vitest';
import { createIncidentOnce } from '../../../src/background/audit/recordIncidentOnce.ts';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import { buildAuditEvent } from '../../../src/core/audit/buildAuditEvent.ts';
import { incidentKeyOf, withContactId } from '../../../src/core/audit/incidentKey.ts';
import { firstSighting, MAX_RECORDED_INCIDENTS, readRecordedIncidents } from '../../../src/core/audit/recordedIncidents.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';
import { memoryStorageArea } from '../support/memoryStorageArea.ts';

const CONTACT = 'c-7f3e1a2b-0001';
const OTHER = 'c-7f3e1a2b-0002';
const at = (second: number) => new Date(Date.UTC(2026, 11, 2, 3, 0, second));
const securityCode = (contactId: string, second = 0) =>
  buildAuditEvent('masking.sensitive_auth_data', { contactId, source: 'cvv', kind: 'securityCode' }, at(second));

describe('what makes an incident the same incident', () => {
  it('is its type, contact and details — not when it was seen', () => {
    expect(incidentKeyOf(securityCode(CONTACT, 1))).toBe(incidentKeyOf(securityCode(CONTACT, 9)));
    expect(incidentKeyOf(securityCode(CONTACT))).not.toBe(incidentKeyOf(securityCode(OTHER)));
    const pin = buildAuditEvent('masking.sensitive_auth_data', { contactId: CONTACT, source: 'pin', kind: 'pin' });
    expect(incidentKeyOf(pin)).not.toBe(incidentKeyOf(securityCode(CONTACT)));
    const plaintext = buildAuditEvent('ivr.plaintext_incident', { contactId: CONTACT, field: 'Card number' });
    expect(incidentKeyOf(plaintext)).not.toBeNull();
  });

  it('leaves out actions, policy and network events, and incidents that name no contact', () => {
    const reveal = buildAuditEvent('masking.reveal', {
      who: 'supervisor1',
      contactId: CONTACT,
      attributeName: 'card',
      kind: 'pan',
      kinds: ['pan'],
      reason: 'chargeback',
    });
    expect(incidentKeyOf(reveal)).toBeNull();
    expect(incidentKeyOf(buildAuditEvent('origin.blocked', { origin: 'https://x.example', kind: 'fetch', layer: 'dnr' }))).toBeNull();
    expect(incidentKeyOf(buildAuditEvent('masking.sensitive_auth_data', { source: 'chat', kind: 'pin' }))).toBeNull();
  });

  it('names the contact on an attribute’s masking events, and only on those', () => {
    const failed = buildAuditEvent('masking.failed_closed', { attributeName: 'note', reason: 'too_long' });
    expect(withContactId(failed, CONTACT).details).toEqual({ contactId: CONTACT, attributeName: 'note', reason: 'too_long' });
    const blocked = buildAuditEvent('origin.blocked', { origin: 'https://x.example', kind: 'fetch', layer: 'dnr' });
    expect(withContactId(blocked, CONTACT)).toBe(blocked);
    expect(withContactId(securityCode(OTHER), CONTACT).details).toMatchObject({ contactId: OTHER });
  });

  it('remembers a bounded number of incidents, forgetting the oldest first', () => {
    let recorded = readRecordedIncidents(undefined);
    for (let n = 0; n < MAX_RECORDED_INCIDENTS + 10; n += 1) recorded = firstSighting(recorded, securityCode(`c-${String(n)}`), n).recorded;
    expect(recorded).toHaveLength(MAX_RECORDED_INCIDENTS);
    expect(firstSighting(recorded, securityCode('c-0'), 0).record).toBe(true);
    expect(firstSighting(recorded, securityCode(`c-${String(MAX_RECORDED_INCIDENTS)}`), 0).record).toBe(false);
    expect(readRecordedIncidents([['k', 1], ['bad'], 'x', [2, 3]])).toEqual([['k', 1]]);
  });
});

describe('the worker records one incident once', () => {
  it('keeps one of the same incident reported by two desks at the same moment, and every other event', async () => {
    const recorded: AuditEvent[] = [];
    const once = createIncidentOnce(memoryStorageArea(), async (event) => {
      recorded.push(event);
    });
    const blocked = buildAuditEvent('origin.blocked', { origin: 'https://x.example', kind: 'fetch', layer: 'dnr' });
    await Promise.all([once(securityCode(CONTACT, 1)), once(securityCode(CONTACT, 2)), once(securityCode(OTHER, 2)), once(blocked), once(blocked)]);
    expect(recorded.map((event) => [event.type, event.details])).toEqual([
      ['origin.blocked', blocked.details],
      ['origin.blocked', blocked.details],
      ['masking.sensitive_auth_data', securityCode(CONTACT).details],
      ['masking.sensitive_auth_data', securityCode(OTHER).details],
    ]);
  });

  it('still knows after the worker was stopped: the keys are in session storage', async () => {
    const session = memoryStorageArea();
    const first: AuditEvent[] = [];
    await createIncidentOnce(session, async (event) => void first.push(event))(securityCode(CONTACT));
    expect(JSON.stringify(session.items[STORAGE_KEYS.session.recordedIncidents])).toContain(CONTACT);
    const woken: AuditEvent[] = [];
    const again = createIncidentOnce(session, async (event) => void woken.push(event));
    await again(securityCode(CONTACT, 30));
    await again(securityCode(OTHER, 30));
    expect(first).toHaveLength(1);
    expect(woken.map((event) => event.details)).toEqual([securityCode(OTHER).details]);
  });

  it('does not mark an incident recorded when the outbox failed to take it: the next report records it', async () => {
    const session = memoryStorageArea();
    let fail = true;
    const recorded: AuditEvent[] = [];
    const once = createIncidentOnce(session, async (event) => {
      if (fail) throw new Error('storage full');
      recorded.push(event);
    });
    await expect(once(securityCode(CONTACT))).rejects.toThrow('storage full');
    fail = false;
    await once(securityCode(CONTACT, 5));
    expect(recorded).toHaveLength(1);
  });
});
