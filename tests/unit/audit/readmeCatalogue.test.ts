import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_CATALOGUE } from '../../../src/core/audit/auditCatalogue.ts';

const README = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

/** The rows of the README's audit catalogue table: stable name, severity, detail names. */
function readmeCatalogue(): Array<{ name: string; severity: string; details: string[] }> {
  const section = README.slice(README.indexOf('## Audit trail'));
  const table = section.slice(section.indexOf('| stable name | severity | details | when |'));
  const rows = table.split('\n').slice(2);
  const end = rows.findIndex((line) => !line.startsWith('|'));
  return rows.slice(0, end === -1 ? rows.length : end).map((line) => {
    const [name = '', severity = '', details = ''] = line
      .split(/(?<!\\)\|/)
      .slice(1)
      .map((cell) => cell.trim());
    // Field names are in backticks; what follows a field in parentheses (its values, "optional") is not a field.
    const fieldNames = [...details.replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    return { name: name.replace(/`/g, ''), severity, details: fieldNames };
  });
}

describe('the README audit catalogue table', () => {
  it('lists every catalogued event type, in catalogue order, with its severity and exactly its detail fields', () => {
    const expected = Object.entries(AUDIT_CATALOGUE).map(([name, spec]) => ({
      name,
      severity: spec.severity.toUpperCase(),
      details: Object.keys(spec.fields),
    }));
    expect(readmeCatalogue()).toEqual(expected);
  });

  it('names the values of every closed field as the catalogue allows them', () => {
    const section = README.slice(README.indexOf('## Audit trail'));
    for (const [name, spec] of Object.entries(AUDIT_CATALOGUE)) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${name}\` |`)) ?? '';
      for (const [field, kind] of Object.entries(spec.fields as Record<string, { kind: string; values?: readonly string[] }>)) {
        if (kind.kind === 'oneOf' && kind.values !== undefined && kind.values.length <= 4)
          expect(row, `${name}.${field}`).toContain(`\`${field}\` (${kind.values.join(', ')}`);
      }
    }
  });
});
