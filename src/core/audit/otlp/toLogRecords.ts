import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { AUDIT_CATALOGUE, type AuditSeverity } from '../auditCatalogue.ts';
import type { OutboxEntry } from '../outbox/Outbox.ts';
import { SCOPE_NAME, SERVICE_NAME, type AuditResource } from './AuditResource.ts';

const SEVERITY: Readonly<Record<AuditSeverity, { number: SeverityNumber; text: string }>> = {
  info: { number: SeverityNumber.INFO, text: 'INFO' },
  warn: { number: SeverityNumber.WARN, text: 'WARN' },
  error: { number: SeverityNumber.ERROR, text: 'ERROR' },
};

/** Attribute names: OpenTelemetry semantic conventions where one exists, `connect_shield.*` otherwise. */
const ATTRIBUTE = {
  recordId: 'log.record.uid',
  eventName: 'event.name',
  sequence: 'connect_shield.sequence',
  detailPrefix: 'audit.',
} as const;

function otelResource(resource: AuditResource): Resource {
  return resourceFromAttributes({
    'service.name': SERVICE_NAME,
    'service.version': resource.version,
    'service.instance.id': resource.installationId,
    'connect_shield.extension_id': resource.extensionId,
    ...(resource.connectInstance === null ? {} : { 'connect_shield.connect_instance': resource.connectInstance }),
    'browser.brands': resource.browser.brands,
    'browser.platform': resource.browser.platform,
    'browser.language': resource.browser.language,
    'user_agent.original': resource.browser.userAgent,
  });
}

function hrTime(epochMs: number): [number, number] {
  const seconds = Math.floor(epochMs / 1000);
  return [seconds, Math.round((epochMs - seconds * 1000) * 1_000_000)];
}

/**
 * Outbox entries as the OpenTelemetry SDK's log records, for its OTLP serializers. The event's
 * stable name is the record's `eventName` (and `event.name` for collectors that predate the
 * field), its ID is `log.record.uid` for de-duplication, each detail an `audit.<name>` attribute.
 */
export function toLogRecords(entries: readonly OutboxEntry[], resource: AuditResource): ReadableLogRecord[] {
  const otel = otelResource(resource);
  const scope = { name: SCOPE_NAME, version: resource.version };
  return entries.map((entry) => {
    const severity = SEVERITY[AUDIT_CATALOGUE[entry.event.type].severity];
    const time = hrTime(Date.parse(entry.event.at));
    const details = Object.entries(entry.event.details as Readonly<Record<string, string | number | boolean | string[]>>);
    return {
      hrTime: time,
      hrTimeObserved: time,
      severityNumber: severity.number,
      severityText: severity.text,
      body: entry.event.type,
      eventName: entry.event.type,
      resource: otel,
      instrumentationScope: scope,
      attributes: {
        [ATTRIBUTE.recordId]: entry.id,
        [ATTRIBUTE.eventName]: entry.event.type,
        [ATTRIBUTE.sequence]: entry.sequence,
        ...Object.fromEntries(details.map(([name, value]) => [`${ATTRIBUTE.detailPrefix}${name}`, value])),
      },
      droppedAttributesCount: 0,
    };
  });
}
