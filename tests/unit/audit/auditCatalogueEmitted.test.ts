import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES } from '../../../src/core/audit/auditCatalogue.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Product code only: the catalogue itself and tests do not count as emitting an event. */
const SOURCES = sourceFiles(join(ROOT, 'src'))
  .filter((path) => !path.endsWith(join('core', 'audit', 'auditCatalogue.ts')))
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('every catalogued audit event type is built somewhere in the product', () => {
  it.each(AUDIT_EVENT_TYPES)('%s', (type) => {
    // The one way to make an event is buildAuditEvent with the type's name as its first argument.
    const call = new RegExp(`buildAuditEvent\\(\\s*'${type.replace(/\./g, '\\.')}'`);
    const builders = SOURCES.filter((file) => call.test(file.text)).map((file) => file.path);
    expect(builders, `nothing in src/ calls buildAuditEvent('${type}', …): emit it or remove it from the catalogue`).not.toEqual([]);
  });
});
