import { describe, expect, it } from 'vitest';
import { createApprovedOrigins } from '../../../src/core/origins/ApprovedOrigins.ts';
import { classifyLink } from '../../../src/core/origins/classifyLink.ts';
import { createLinkPolicy } from '../../../src/core/origins/LinkPolicy.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import type { LinkBlockReason } from '../../../src/core/origins/classifyLink.ts';

const engine = createMaskingEngine(undefined);
const mask = (text: string): string => engine.maskText(text).display;
const approved = createLinkPolicy(
  createApprovedOrigins({
    instanceOrigins: ['https://shield-demo.my.connect.aws'],
    approvedOrigins: ['https://crm.example.com', 'https://example.com', 'https://*.kb.example.com', 'https://portal.example.com:8443'],
  }),
  mask,
);

type Expected = { approved: string } | { blocked: LinkBlockReason };

// [raw text, expected verdict, why this case matters]
const CORPUS: [string, Expected, string][] = [
  ['https://crm.example.com', { approved: 'https://crm.example.com/' }, 'the approved origin'],
  ['https://crm.example.com/cases/42?tab=notes#top', { approved: 'https://crm.example.com/cases/42?tab=notes#top' }, 'path, query and fragment are fine'],
  ['HTTPS://CRM.EXAMPLE.COM/Case', { approved: 'https://crm.example.com/Case' }, 'scheme and host are case-insensitive; path case kept'],
  ['https://crm.example.com:443/x', { approved: 'https://crm.example.com/x' }, 'explicit default port'],
  ['  https://crm.example.com/x  ', { approved: 'https://crm.example.com/x' }, 'surrounding spaces are trimmed'],
  ['https://crm%2eexample.com/', { approved: 'https://crm.example.com/' }, 'percent-encoded dot: judged on the decoded host, which is approved'],
  ['https://ｃｒｍ.example.com/', { approved: 'https://crm.example.com/' }, 'full-width letters map to the real host'],
  ['https://a.kb.example.com/article', { approved: 'https://a.kb.example.com/article' }, 'wildcard sub-domain'],
  ['https://a.b.kb.example.com/', { approved: 'https://a.b.kb.example.com/' }, 'wildcard matches any depth'],
  ['https://portal.example.com:8443/a', { approved: 'https://portal.example.com:8443/a' }, 'listed non-default port'],
  ['https://shield-demo.my.connect.aws/ccp-v2', { approved: 'https://shield-demo.my.connect.aws/ccp-v2' }, 'the instance origin'],
  ['https://crm.example.com/a b', { blocked: 'malformed' }, 'inner whitespace'],
  ['https://crm.example.com:8443/', { blocked: 'not_approved' }, 'other port'],
  ['https://portal.example.com/a', { blocked: 'not_approved' }, 'default port of an origin listed only with a port'],
  ['https://crm.example.com./', { blocked: 'not_approved' }, 'trailing dot is a different origin'],
  ['https://kb.example.com/', { blocked: 'not_approved' }, 'wildcard does not cover the apex'],
  ['https://akb.example.com/', { blocked: 'not_approved' }, 'suffix without a dot boundary'],
  ['https://evil-example.com/', { blocked: 'not_approved' }, 'look-alike with a hyphen'],
  ['https://example.com.evil.test/', { blocked: 'not_approved' }, 'approved name as a sub-domain of another'],
  ['https://sub.example.com/', { blocked: 'not_approved' }, 'exact origin does not cover sub-domains'],
  ['https://exаmple.com/', { blocked: 'not_approved' }, 'IDN homograph (Cyrillic а) becomes xn--'],
  ['https://xn--exmple-4nf.com/', { blocked: 'not_approved' }, 'the same homograph written in punycode'],
  ['https://example.com@evil.test/', { blocked: 'credentials' }, 'userinfo trick'],
  ['https://@crm.example.com/', { blocked: 'credentials' }, 'empty userinfo'],
  ['https://user:pw@crm.example.com/', { blocked: 'credentials' }, 'credentials even for the approved host'],
  ['https://CRM.example.com%2F@evil.test', { blocked: 'credentials' }, 'encoded slash in the userinfo'],
  ['https://evil.test\\@example.com/', { blocked: 'backslash' }, 'backslash makes the parser see evil.test'],
  ['https:\\\\crm.example.com', { blocked: 'backslash' }, 'backslashes instead of slashes'],
  ['https://crm.example.com\\.evil.test/', { blocked: 'backslash' }, 'backslash after the host'],
  ['https:crm.example.com', { blocked: 'malformed' }, 'no slashes (the parser would repair it)'],
  ['https:/crm.example.com', { blocked: 'malformed' }, 'one slash'],
  ['//crm.example.com/', { blocked: 'malformed' }, 'scheme-relative'],
  ['/cases/42', { blocked: 'malformed' }, 'relative path'],
  ['', { blocked: 'malformed' }, 'empty'],
  ['https://', { blocked: 'malformed' }, 'no host'],
  ['https://crm.example.com%00.evil.test/', { blocked: 'malformed' }, 'encoded NUL in host'],
  ['https://crm.example.com\u202e/', { blocked: 'control_characters' }, 'bidi override'],
  ['https://crm.exa\u200bmple.com/', { blocked: 'control_characters' }, 'zero-width space'],
  ['https://crm.example.com/\u0000', { blocked: 'control_characters' }, 'NUL'],
  ['java\tscript:alert(1)', { blocked: 'control_characters' }, 'tab the parser would strip'],
  ['https://crm.exam\nple.com/', { blocked: 'control_characters' }, 'newline the parser would strip'],
  ['javascript:alert(1)', { blocked: 'unsafe_scheme' }, 'javascript'],
  ['JaVaScRiPt:alert(document.domain)', { blocked: 'unsafe_scheme' }, 'mixed-case javascript'],
  ['data:text/html,<script>alert(1)</script>', { blocked: 'unsafe_scheme' }, 'data'],
  ['vbscript:msgbox(1)', { blocked: 'unsafe_scheme' }, 'vbscript'],
  ['file:///etc/passwd', { blocked: 'unsafe_scheme' }, 'file'],
  ['blob:https://crm.example.com/0b2f', { blocked: 'unsafe_scheme' }, 'blob of an approved origin'],
  ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html', { blocked: 'unsafe_scheme' }, 'extension page'],
  ['mailto:agent@example.com', { blocked: 'unsafe_scheme' }, 'mailto'],
  ['http://crm.example.com/', { blocked: 'not_https' }, 'plain http of an approved host'],
  ['wss://crm.example.com/', { blocked: 'not_https' }, 'websocket scheme'],
  ['https://127.0.0.1/', { blocked: 'not_approved' }, 'IPv4 literal'],
  ['https://0x7f.1/', { blocked: 'not_approved' }, 'IPv4 in hex shorthand'],
  ['https://[::1]/', { blocked: 'not_approved' }, 'IPv6 literal'],
  ['https://..kb.example.com/', { blocked: 'not_approved' }, 'empty labels under a wildcard'],
];

describe('classifyLink corpus', () => {
  it('has at least 40 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)('%j → %j (%s)', (raw, expected) => {
    const verdict = classifyLink(raw, approved);
    if ('approved' in expected) {
      expect(verdict).toEqual({ kind: 'approved', href: expected.approved, origin: new URL(expected.approved).origin });
    } else {
      expect(verdict.kind).toBe('blocked');
      if (verdict.kind === 'blocked') {
        expect(verdict.reason).toBe(expected.blocked);
        expect(verdict.text).toBe(raw);
      }
    }
  });
});

describe('classifyLink details', () => {
  it('gives the parsed origin, not the full URL, for auditing a blocked link', () => {
    const verdict = classifyLink('https://evil.test/steal?card=secret', approved);
    expect(verdict).toMatchObject({ kind: 'blocked', reason: 'not_approved', origin: 'https://evil.test' });
  });

  it('blocks everything when nothing is approved', () => {
    const none = createLinkPolicy(createApprovedOrigins({ instanceOrigins: [], approvedOrigins: [] }), mask);
    expect(classifyLink('https://crm.example.com/', none).kind).toBe('blocked');
  });

  // Issue 11, finding 3: masking ran on the raw text; the parser decodes the host afterwards.
  it.each([
    ['https://%34111111111111111.kb.example.com/case', 'a percent-encoded digit in the host of an approved wildcard'],
    ['https://𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏.kb.example.com/case', 'mathematical digits the parser maps to ASCII'],
  ])('never links, shows or reports a card number the parser decodes from %j (%s)', (raw) => {
    const verdict = classifyLink(raw, approved);
    expect(verdict).toEqual({
      kind: 'blocked',
      reason: 'sensitive_value',
      text: 'https://•••• 1111.kb.example.com/case',
      origin: 'https://*.kb.example.com',
    });
  });

  it('masks the reported origin of a blocked link whose decoded host holds a card number', () => {
    expect(classifyLink('https://%34111111111111111.evil.test/', approved)).toMatchObject({ reason: 'sensitive_value', origin: 'https://*.evil.test' });
    // The parser leaves a query's percent-encoding alone: what the masker saw is what shows.
    expect(classifyLink('https://crm.example.com/?q=%34111111111111111', approved)).toMatchObject({
      kind: 'approved',
      href: 'https://crm.example.com/?q=%34111111111111111',
    });
    expect(classifyLink('https://crm.example.com:8443/x?%34111111111111111', approved)).toMatchObject({
      reason: 'not_approved',
      origin: 'https://crm.example.com:8443',
    });
  });

  it('produces an href that needs no further escaping in an attribute', () => {
    const verdict = classifyLink('https://crm.example.com/a"b<c>d`e', approved);
    expect(verdict.kind).toBe('approved');
    if (verdict.kind === 'approved') expect(verdict.href).not.toMatch(/["<>`\s]/);
  });
});
