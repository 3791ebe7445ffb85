import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyAjv } from '../../../scripts/generate-managed-schema.ts';
import { policyFragmentSchema, policySchema } from '../../../src/core/policy/policySchema.ts';
import { validateDocumentSchema, validateFragmentSchema } from '../../../src/core/policy/policySchemaValidators.ts';

/** A small seeded generator: the same documents at every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const full: unknown = JSON.parse(readFileSync(new URL('../../../examples/policies/full.json', import.meta.url), 'utf8'));
const WRONG_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', 'https://evil.example', true, [], [1], {}, { unknown: 1 }];

/** The full example policy with a few values replaced by wrong ones or removed, at random paths. */
function mutated(random: () => number): unknown {
  const document = structuredClone(full) as Record<string, unknown>;
  const edits = 1 + Math.floor(random() * 3);
  for (let edit = 0; edit < edits; edit += 1) {
    let node: unknown = document;
    let parent: Record<string, unknown> | unknown[] | null = null;
    let key: string | number | null = null;
    while (typeof node === 'object' && node !== null && random() < 0.75) {
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
      if (keys.length === 0) break;
      parent = node as Record<string, unknown> | unknown[];
      key = keys[Math.floor(random() * keys.length)] ?? null;
      node = key === null ? undefined : (parent as Record<string | number, unknown>)[key];
    }
    if (parent === null || key === null) continue;
    const target = parent as Record<string | number, unknown>;
    if (random() < 0.2 && !Array.isArray(parent)) delete target[key];
    else target[key] = WRONG_VALUES[Math.floor(random() * WRONG_VALUES.length)];
  }
  if (random() < 0.3) delete document['instance'];
  if (random() < 0.1) document['extra'] = 1;
  return document;
}

describe('the policy schema validators', () => {
  const ajv = policyAjv();
  const ajvDocument = ajv.compile(policySchema);
  const ajvFragment = ajv.compile(policyFragmentSchema);
  const random = seeded(8);
  const documents: unknown[] = [
    full,
    {},
    [],
    null,
    'policy',
    3,
    { instance: {} },
    { masking: { patterns: 'x' } },
    { extra: true },
    ...Array.from({ length: 1500 }, () => mutated(random)),
  ];

  it('the complete policy validator answers as ajv compiling the complete schema', () => {
    let invalid = 0;
    for (const document of documents) {
      const valid = validateDocumentSchema(document);
      expect(valid, JSON.stringify(document)).toBe(ajvDocument(document));
      expect(validateDocumentSchema.errors ?? null, JSON.stringify(document)).toEqual(ajvDocument.errors ?? null);
      if (!valid) invalid += 1;
    }
    // The mutations reach both answers often.
    expect(invalid).toBeGreaterThan(500);
    expect(documents.length - invalid).toBeGreaterThan(50);
  });

  it('the generated fragment validator answers as ajv compiling the fragment schema', () => {
    for (const document of documents) {
      expect(validateFragmentSchema(document), JSON.stringify(document)).toBe(ajvFragment(document));
      expect(validateFragmentSchema.errors ?? null, JSON.stringify(document)).toEqual(ajvFragment.errors ?? null);
    }
  });
});
