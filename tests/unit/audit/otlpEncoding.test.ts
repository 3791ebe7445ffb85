import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../../src/core/audit/buildAuditEvent.ts';
import type { OutboxEntry } from '../../../src/core/audit/outbox/Outbox.ts';
import type { AuditResource } from '../../../src/core/audit/otlp/AuditResource.ts';
import { encodeOtlpLogs } from '../../../src/core/audit/otlp/encodeOtlpLogs.ts';
import { otlpLogsJsonProblems } from './otlpLogsJsonShape.ts';

const RESOURCE: AuditResource = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  version: '0.1.0',
  installationId: '5f0c6f5e-4c2a-4f55-9d1f-0a8b1d6f3e21',
  connectInstance: 'https://shield-demo.my.connect.aws',
  browser: { brands: ['Chromium 144'], platform: 'Linux', language: 'ja-JP', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/144.0.0.0' },
};

const AT = Date.UTC(2026, 11, 1, 9, 30, 0, 123);
const entries: OutboxEntry[] = [
  {
    id: 'e-1',
    sequence: 41,
    event: buildAuditEvent('masking.reveal', { who: 'sup1', contactId: 'c-1', attributeName: 'ssn', kind: 'ssn', kinds: ['ssn'], reason: 'verify' }, AT),
  },
  { id: 'e-2', sequence: 42, event: buildAuditEvent('policy.invalid', { source: 'organization', pointers: ['/instance/ccpUrl', '/roles'] }, AT) },
  { id: 'e-3', sequence: 43, event: buildAuditEvent('caller.repeat', { contactId: 'c-2', channel: 'voice', ordinal: 4, count: 3, windowMinutes: 60 }, AT) },
];

type Json = Record<string, unknown>;
const decode = (bytes: Uint8Array): Json => JSON.parse(new TextDecoder().decode(bytes)) as Json;
const attributes = (list: unknown): Record<string, unknown> =>
  Object.fromEntries((list as Array<{ key: string; value: Json }>).map(({ key, value }) => [key, Object.values(value)[0]]));

describe('OTLP/HTTP JSON encoding of audit events', () => {
  const request = decode(encodeOtlpLogs(entries, RESOURCE));

  it('fits ExportLogsServiceRequest as the proto definitions and the OTLP JSON mapping define it', () => {
    expect(otlpLogsJsonProblems(request)).toEqual([]);
  });

  it('the shape check refuses what a collector would refuse', () => {
    expect(otlpLogsJsonProblems({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ time_unix_nano: '1' }] }] }] })).toEqual([
      '$.resourceLogs[0].scopeLogs[0].logRecords[0].time_unix_nano: not a field of the message',
    ]);
    expect(otlpLogsJsonProblems({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: 1764581400123000000 }] }] }] })).toHaveLength(1);
  });

  it('carries the resource that identifies extension, version, installation, Connect instance and browser', () => {
    const resourceLogs = request.resourceLogs as Array<{ resource: { attributes: unknown } }>;
    expect(resourceLogs).toHaveLength(1);
    expect(attributes(resourceLogs[0]?.resource.attributes)).toEqual({
      'service.name': 'connect-shield',
      'service.version': '0.1.0',
      'service.instance.id': RESOURCE.installationId,
      'connect_shield.extension_id': RESOURCE.extensionId,
      'connect_shield.connect_instance': 'https://shield-demo.my.connect.aws',
      'browser.brands': { values: [{ stringValue: 'Chromium 144' }] },
      'browser.platform': 'Linux',
      'browser.language': 'ja-JP',
      'user_agent.original': RESOURCE.browser.userAgent,
    });
  });

  it('one log record per event: time in nanoseconds, severity, stable name, ID and details', () => {
    const scopeLogs = (request.resourceLogs as Array<{ scopeLogs: Array<{ scope: Json; logRecords: Json[] }> }>)[0]?.scopeLogs ?? [];
    expect(scopeLogs[0]?.scope).toEqual({ name: 'connect-shield.audit', version: '0.1.0' });
    const [reveal, invalid, repeat] = scopeLogs[0]?.logRecords ?? [];
    expect(reveal).toMatchObject({
      timeUnixNano: '1796117400123000000',
      severityNumber: 13,
      severityText: 'WARN',
      eventName: 'masking.reveal',
      body: { stringValue: 'masking.reveal' },
    });
    expect(attributes(reveal?.attributes)).toEqual({
      'log.record.uid': 'e-1',
      'event.name': 'masking.reveal',
      'connect_shield.sequence': 41,
      'audit.who': 'sup1',
      'audit.contactId': 'c-1',
      'audit.attributeName': 'ssn',
      'audit.kind': 'ssn',
      'audit.kinds': { values: [{ stringValue: 'ssn' }] },
      'audit.reason': 'verify',
    });
    expect(invalid).toMatchObject({ severityNumber: 17, severityText: 'ERROR' });
    expect(attributes(invalid?.attributes)['audit.pointers']).toEqual({ values: [{ stringValue: '/instance/ccpUrl' }, { stringValue: '/roles' }] });
    expect(attributes(repeat?.attributes)['audit.ordinal']).toBe(4);
    expect(repeat).toMatchObject({ severityNumber: 9, severityText: 'INFO' });
  });
});
