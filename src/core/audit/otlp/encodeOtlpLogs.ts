import { JsonLogsSerializer } from '@opentelemetry/otlp-transformer';
import type { OutboxEntry } from '../outbox/Outbox.ts';
import type { AuditResource } from './AuditResource.ts';
import { toLogRecords } from './toLogRecords.ts';

export const OTLP_JSON_CONTENT_TYPE = 'application/json';

/** The body of `POST …/v1/logs` (an ExportLogsServiceRequest, OTLP/HTTP JSON encoding) for a batch. */
export function encodeOtlpLogs(entries: readonly OutboxEntry[], resource: AuditResource): Uint8Array {
  const encoded = JsonLogsSerializer.serializeRequest(toLogRecords(entries, resource));
  if (encoded === undefined) throw new Error('OTLP serializer returned nothing');
  return encoded;
}
