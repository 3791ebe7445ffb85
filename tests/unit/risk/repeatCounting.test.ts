import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assessCaller, type RiskRules } from '../../../src/core/risk/assessCaller.ts';
import { buildDenyList } from '../../../src/core/risk/DenyList.ts';
import { importHashKey, keyedHash, newHashKeyMaterial } from '../../../src/core/risk/keyedHash.ts';
import { MAX_LEDGER_ENTRIES, pruneLedger, recordContact, type RepeatEntry } from '../../../src/core/risk/repeatLedger.ts';
import { phoneMetadata } from '../../../src/core/phone/phoneLibrary.ts';
import { readCallerIdentity } from '../../../src/core/phone/readCallerIdentity.ts';

const MINUTE = 60_000;

/** A clock the test moves by hand: nothing here waits for real time. */
function fakeClock(start = Date.UTC(2026, 11, 1, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('recordContact: a sliding window with a fake clock', () => {
  it('counts contacts from one caller within the window, and forgets those that left it', () => {
    const clock = fakeClock();
    let ledger: RepeatEntry[] = [];
    const contact = (contactId: string, hash = 'h1') => {
      const result = recordContact(ledger, { hash, contactId }, clock.now(), 60 * MINUTE);
      ledger = result.ledger;
      return result.ordinal;
    };
    expect(contact('c1')).toBe(1);
    clock.advance(20 * MINUTE);
    expect(contact('c2')).toBe(2);
    expect(contact('other', 'h2')).toBe(1);
    clock.advance(20 * MINUTE);
    expect(contact('c3')).toBe(3);
    // c1 is 59:59.999 old: still inside.
    clock.advance(20 * MINUTE - 1);
    expect(contact('c4')).toBe(4);
    // One millisecond later c1 is exactly 60 minutes old and has left the window.
    clock.advance(1);
    expect(contact('c5')).toBe(4);
    expect(ledger.map((entry) => entry.contactId)).toEqual(['c2', 'other', 'c3', 'c4', 'c5']);
    // A long quiet spell empties the ledger: old entries go.
    clock.advance(61 * MINUTE);
    expect(contact('c6')).toBe(1);
    expect(ledger.map((entry) => entry.contactId)).toEqual(['c6']);
  });

  it('answers the same contact asked twice with the same ordinal, counting it once', () => {
    const clock = fakeClock();
    let ledger = recordContact([], { hash: 'h', contactId: 'a' }, clock.now(), MINUTE).ledger;
    clock.advance(1_000);
    const again = recordContact(ledger, { hash: 'h', contactId: 'a' }, clock.now(), MINUTE);
    expect(again.ordinal).toBe(1);
    ledger = again.ledger;
    expect(recordContact(ledger, { hash: 'h', contactId: 'b' }, clock.now(), MINUTE).ordinal).toBe(2);
  });

  it('stays bounded under a flood of distinct callers', () => {
    let ledger: RepeatEntry[] = Array.from({ length: MAX_LEDGER_ENTRIES }, (_, i) => ({ hash: `h${i}`, at: 1_000 + i, contactId: `c${i}`, ordinal: 1 }));
    for (let i = MAX_LEDGER_ENTRIES; i < MAX_LEDGER_ENTRIES + 50; i++)
      ledger = recordContact(ledger, { hash: `h${i}`, contactId: `c${i}` }, 1_000 + i, 60 * MINUTE).ledger;
    expect(ledger).toHaveLength(MAX_LEDGER_ENTRIES);
    expect(ledger[0]?.contactId).toBe('c50');
  });

  it('prunes with the current window when the policy shortens it', () => {
    const ledger: RepeatEntry[] = [
      { hash: 'h', at: 0, contactId: 'a', ordinal: 1 },
      { hash: 'h', at: 50 * MINUTE, contactId: 'b', ordinal: 2 },
    ];
    expect(pruneLedger(ledger, 60 * MINUTE, 30 * MINUTE).map((entry) => entry.contactId)).toEqual(['b']);
  });
});

describe('keyedHash', () => {
  const numbers = ['+819012345678', '+12015550123', '+442079460000'];
  const spellingsOf = (e164: string) => [e164, e164.slice(1), `0${e164.slice(3)}`];
  const plainDigests = (text: string) =>
    ['sha256', 'sha1', 'md5', 'sha512'].flatMap((algorithm) =>
      ['hex', 'base64', 'base64url'].map((encoding) =>
        createHash(algorithm)
          .update(text)
          .digest(encoding as 'hex'),
      ),
    );

  it('is never the number, nor a plain digest of any spelling of it', async () => {
    const key = await importHashKey(newHashKeyMaterial());
    for (const number of numbers) {
      const hash = await keyedHash(key, number);
      const forbidden = spellingsOf(number).flatMap((spelling) => [spelling, ...plainDigests(spelling)]);
      expect(forbidden).not.toContain(hash);
      for (const spelling of spellingsOf(number)) expect(hash).not.toContain(spelling);
    }
  });

  it('is stable under one key and different under another (a new browser session)', async () => {
    const material = newHashKeyMaterial();
    const key = await importHashKey(material);
    const sameKey = await importHashKey(material);
    const otherKey = await importHashKey(newHashKeyMaterial());
    expect(await keyedHash(key, numbers[0] ?? '')).toBe(await keyedHash(sameKey, numbers[0] ?? ''));
    expect(await keyedHash(key, numbers[0] ?? '')).not.toBe(await keyedHash(otherKey, numbers[0] ?? ''));
    expect(await keyedHash(key, numbers[0] ?? '')).not.toBe(await keyedHash(key, numbers[1] ?? ''));
  });
});

describe('assessCaller', () => {
  const rules = (repeatContact: RiskRules['repeatContact'] = { count: 3, windowMinutes: 60 }): RiskRules => ({
    denyList: buildDenyList(['+819012345678'], phoneMetadata()),
    repeatContact,
  });
  const hash = async (normalized: string) => `hash(${normalized})`;

  it('flags a deny-listed caller with an audit event that holds no number', async () => {
    const identity = readCallerIdentity('090-1234-5678', ['JP'], phoneMetadata());
    const result = await assessCaller({ contactId: 'c1', channel: 'voice', identity }, rules(null), [], hash, 0);
    expect(result.risk).toEqual({ check: 'checked', denyListed: true, repeat: null });
    expect(result.auditEvents).toEqual([{ type: 'caller.denyListed', at: new Date(0).toISOString(), details: { contactId: 'c1', channel: 'voice' } }]);
    expect(JSON.stringify(result)).not.toMatch(/9012345678|1234-5678/);
    expect(result.ledger).toBeNull();
  });

  it('raises the repeat warning only after count contacts within the window, and the ledger keeps only hashes', async () => {
    let ledger: RepeatEntry[] = [];
    const seen = [];
    for (let i = 1; i <= 5; i++) {
      const identity = readCallerIdentity(i % 2 === 0 ? '+1 201 555 0123' : '(201) 555-0123', ['US'], phoneMetadata());
      const result = await assessCaller({ contactId: `c${i}`, channel: 'voice', identity }, rules(), ledger, hash, i * MINUTE);
      ledger = result.ledger ?? ledger;
      seen.push([result.risk.repeat?.ordinal ?? null, result.auditEvents.map((event) => event.type)]);
    }
    expect(seen).toEqual([
      [null, []],
      [null, []],
      [null, []],
      [4, ['caller.repeat']],
      [5, ['caller.repeat']],
    ]);
    expect(ledger.every((entry) => entry.hash === 'hash(+12015550123)')).toBe(true);
  });

  it('labels withheld callers and neither matches nor counts them', async () => {
    let calls = 0;
    const counting = async (text: string) => {
      calls++;
      return text;
    };
    for (const raw of ['anonymous', 'private', '']) {
      const result = await assessCaller(
        { contactId: raw || 'empty', channel: 'voice', identity: readCallerIdentity(raw, ['JP'], phoneMetadata()) },
        rules(),
        [],
        counting,
        0,
      );
      expect(result).toEqual({ risk: { check: 'withheld', denyListed: false, repeat: null }, ledger: null, auditEvents: [] });
    }
    expect(calls).toBe(0);
  });

  it('says when the channel gives no identifier, and counts unrecognized digits without matching them', async () => {
    expect((await assessCaller({ contactId: 'chat', channel: 'chat', identity: null }, rules(), [], hash, 0)).risk).toEqual({
      check: 'not_provided',
      denyListed: false,
      repeat: null,
    });
    const unrecognized = await assessCaller(
      { contactId: 'u', channel: 'voice', identity: readCallerIdentity('12345', ['JP'], phoneMetadata()) },
      rules(),
      [],
      hash,
      0,
    );
    expect(unrecognized.risk.check).toBe('unrecognized');
    expect(unrecognized.ledger?.[0]?.hash).toBe('hash(digits:12345)');
  });
});
