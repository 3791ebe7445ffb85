import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { outboxFromStorage } from '../../../src/core/audit/outbox/outboxStorageKeys.ts';
import { ALL_STORAGE_KEY_NAMES, readStorageVersion, STORAGE_KEYS, STORAGE_VERSION, VERSION_1_KEYS } from '../../../src/core/storage/storageKeys.ts';
import { pendingMigrations, STORAGE_MIGRATIONS } from '../../../src/core/storage/storageMigrations.ts';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const ROOT = join(import.meta.dirname, '../../..');
const REGISTRY = 'src/core/storage/storageKeys.ts';

function sourceFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory)).flatMap((name) => {
    const path = join(directory, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.generated.js') ? [path] : [];
  });
}

/** Every string literal in a file whose text is a storage key, with its line. */
function keyLiterals(path: string, keys: ReadonlySet<string>, text = readFileSync(join(ROOT, path), 'utf8')): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && keys.has(node.text)) {
      found.push(`${path}:${String(file.getLineAndCharacterOfPosition(node.getStart()).line + 1)} '${node.text}'`);
    }
    // `storage.local.get(...)` results read as `stored.local.auditLog` or `(dump.local as {…}).auditLog`.
    if (ts.isPropertyAccessExpression(node) && keys.has(node.name.text) && isStorageArea(node.expression)) {
      found.push(`${path}:${String(file.getLineAndCharacterOfPosition(node.getStart()).line + 1)} .${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function isStorageArea(expression: ts.Expression): boolean {
  let inner: ts.Expression = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  const name = ts.isPropertyAccessExpression(inner) ? inner.name.text : ts.isIdentifier(inner) ? inner.text : '';
  // The registry's own entries (`STORAGE_KEYS.local.auditOutbox`) are how a key is meant to be named.
  if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'STORAGE_KEYS') return false;
  return ['local', 'session', 'sync', 'stored'].includes(name);
}

describe('the storage key registry', () => {
  it('is the only file that spells a storage key, old or current (tests included)', () => {
    const keys = new Set(ALL_STORAGE_KEY_NAMES);
    const files = ['src', 'tests', 'bench', 'scripts'].flatMap(sourceFiles).filter((path) => path !== REGISTRY);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((path) => keyLiterals(path, keys))).toEqual([]);
    // Parsing every source file takes a few seconds on a loaded machine.
  }, 60_000);

  it('uses each key once across all areas', () => {
    const current = Object.values(STORAGE_KEYS).flatMap((area) => Object.values(area) as string[]);
    expect(new Set(current).size).toBe(current.length);
  });

  it('has one migration per version, ending at the current version', () => {
    expect(STORAGE_MIGRATIONS.map((migration) => migration.to).sort((a, b) => a - b)).toEqual(Array.from({ length: STORAGE_VERSION }, (_, index) => index + 1));
    expect(pendingMigrations(STORAGE_VERSION)).toEqual([]);
    expect(pendingMigrations(0).map((migration) => migration.to)).toEqual([1, 2]);
    expect(pendingMigrations(1).map((migration) => migration.to)).toEqual([2]);
  });

  it('reads a missing or malformed version as the layout before the registry', () => {
    for (const value of [undefined, null, '1', -1, 1.5]) expect(readStorageVersion(value)).toBe(0);
    expect(readStorageVersion(1)).toBe(1);
  });

  it('moves version 0 data to the registry keys, keeping a newer value already there', () => {
    const [toVersion1] = pendingMigrations(0);
    const localPolicy = { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } };
    const log = [{ type: 'ccp.unreachable', at: '2026-12-01T00:00:00.000Z', details: {} }];
    const oldKeys = ALL_STORAGE_KEY_NAMES.filter((name) => !name.includes('.'));
    const [oldLocalPolicy, oldAuditLog] = oldKeys;
    expect(toVersion1?.plan({ [String(oldLocalPolicy)]: localPolicy, [String(oldAuditLog)]: log, unrelated: 1 }, NOW)).toEqual({
      set: { [STORAGE_KEYS.local.localPolicy]: localPolicy, [VERSION_1_KEYS.auditLog]: log },
      remove: [oldLocalPolicy, oldAuditLog],
    });
    const newer = { instance: { ccpUrl: 'https://newer.my.connect.aws/ccp-v2' } };
    expect(toVersion1?.plan({ [String(oldLocalPolicy)]: localPolicy, [STORAGE_KEYS.local.localPolicy]: newer }, NOW)).toEqual({
      set: {},
      remove: [oldLocalPolicy],
    });
    expect(toVersion1?.plan({}, NOW)).toEqual({ set: {}, remove: [] });
  });

  it('moves the version 1 audit log into the outbox: every event kept, in order, still to be delivered', () => {
    const toVersion2 = STORAGE_MIGRATIONS.find((migration) => migration.to === 2);
    const log = Array.from({ length: 250 }, (_, index) => ({
      type: 'origin.blocked',
      at: new Date(NOW - (250 - index) * 1000).toISOString(),
      details: { index },
    }));
    const changes = toVersion2?.plan({ [VERSION_1_KEYS.auditLog]: [...log, 'not an event', null] }, NOW);
    expect(changes?.remove).toEqual([VERSION_1_KEYS.auditLog]);
    const outbox = outboxFromStorage(changes?.set ?? {});
    expect(outbox.entries.map((entry) => entry.event)).toEqual(log);
    expect(new Set(outbox.entries.map((entry) => entry.id)).size).toBe(250);
    expect(outbox.meta.settledThrough).toBe(0);
    expect(toVersion2?.plan({}, NOW)).toEqual({ set: {}, remove: [] });
    expect(toVersion2?.plan({ [VERSION_1_KEYS.auditLog]: 'garbage' }, NOW)).toEqual({ set: {}, remove: [VERSION_1_KEYS.auditLog] });
  });

  it('finds a key read as a property of a storage area', () => {
    const [oldAuditLog] = ALL_STORAGE_KEY_NAMES.filter((name) => /^[a-z]+$/i.test(name));
    const source = `const a = ((await dump()).local as { ${String(oldAuditLog)}?: unknown[] }).${String(oldAuditLog)}; const b = options.${String(oldAuditLog)};`;
    expect(keyLiterals('probe.ts', new Set(ALL_STORAGE_KEY_NAMES), source)).toEqual([`probe.ts:1 .${String(oldAuditLog)}`]);
  });

  it('finds a stray key literal (the check above can fail)', () => {
    expect(keyLiterals(relative(ROOT, join(ROOT, REGISTRY)), new Set([STORAGE_KEYS.local.auditOutbox]))).not.toEqual([]);
  });
});
