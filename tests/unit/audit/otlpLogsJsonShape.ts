/**
 * The OTLP/HTTP JSON shape of ExportLogsServiceRequest, transcribed from the proto definitions
 * (opentelemetry-proto: collector/logs/v1/logs_service.proto, logs/v1/logs.proto,
 * common/v1/common.proto, resource/v1/resource.proto) with the OTLP JSON mapping rules: field
 * names in lowerCamelCase, 64-bit integers as decimal strings (numbers accepted for int64 values
 * as protobuf's JSON mapping allows), enums as numbers, trace and span IDs as hex, unknown fields
 * not allowed. Returns every mismatch as `path: problem`.
 */
type Check = (value: unknown, path: string, problems: string[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const message =
  (fields: Record<string, Check>): Check =>
  (value, path, problems) => {
    if (!isObject(value)) return void problems.push(`${path}: not an object`);
    for (const [key, inner] of Object.entries(value)) {
      const check = fields[key];
      if (check === undefined) problems.push(`${path}.${key}: not a field of the message`);
      else check(inner, `${path}.${key}`, problems);
    }
  };
const repeated =
  (of: Check): Check =>
  (value, path, problems) => {
    if (!Array.isArray(value)) return void problems.push(`${path}: not an array`);
    value.forEach((item, index) => of(item, `${path}[${index}]`, problems));
  };
const string: Check = (value, path, problems) => {
  if (typeof value !== 'string') problems.push(`${path}: not a string`);
};
const uint32: Check = (value, path, problems) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffff_ffff) problems.push(`${path}: not a uint32`);
};
/** fixed64 timestamps: the OTLP JSON encoding requires decimal strings. */
const fixed64String: Check = (value, path, problems) => {
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) problems.push(`${path}: not a fixed64 decimal string`);
};
const int64: Check = (value, path, problems) => {
  const ok = (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) || (typeof value === 'number' && Number.isSafeInteger(value));
  if (!ok) problems.push(`${path}: not an int64`);
};
const hex =
  (bytes: number): Check =>
  (value, path, problems) => {
    if (typeof value !== 'string' || !new RegExp(`^[0-9a-f]{${bytes * 2}}$`).test(value)) problems.push(`${path}: not ${bytes} bytes of lowercase hex`);
  };
const severityNumber: Check = (value, path, problems) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 24) problems.push(`${path}: not a SeverityNumber`);
};
const bool: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') problems.push(`${path}: not a bool`);
};
const double: Check = (value, path, problems) => {
  if (typeof value !== 'number') problems.push(`${path}: not a double`);
};

// AnyValue is a oneof: exactly one of its fields is set.
const anyValue: Check = (value, path, problems) => {
  if (!isObject(value)) return void problems.push(`${path}: not an object`);
  const keys = Object.keys(value);
  if (keys.length !== 1) problems.push(`${path}: AnyValue must set exactly one of its oneof fields, has ${keys.join(',') || 'none'}`);
  message({
    stringValue: string,
    boolValue: bool,
    intValue: int64,
    doubleValue: double,
    arrayValue: message({ values: repeated(anyValue) }),
    kvlistValue: message({ values: repeated(keyValue) }),
    bytesValue: string,
  })(value, path, problems);
};
const keyValue: Check = (value, path, problems) => message({ key: string, value: anyValue })(value, path, problems);

const resource = message({ attributes: repeated(keyValue), droppedAttributesCount: uint32, entityRefs: repeated(message({})) });
const instrumentationScope = message({ name: string, version: string, attributes: repeated(keyValue), droppedAttributesCount: uint32 });
const logRecord = message({
  timeUnixNano: fixed64String,
  observedTimeUnixNano: fixed64String,
  severityNumber,
  severityText: string,
  body: anyValue,
  attributes: repeated(keyValue),
  droppedAttributesCount: uint32,
  flags: uint32,
  traceId: hex(16),
  spanId: hex(8),
  eventName: string,
});
const scopeLogs = message({ scope: instrumentationScope, logRecords: repeated(logRecord), schemaUrl: string });
const resourceLogs = message({ resource, scopeLogs: repeated(scopeLogs), schemaUrl: string });
const exportLogsServiceRequest = message({ resourceLogs: repeated(resourceLogs) });

export function otlpLogsJsonProblems(request: unknown): string[] {
  const problems: string[] = [];
  exportLogsServiceRequest(request, '$', problems);
  return problems;
}
