import { describe, expect, it } from 'vitest';
import { blockedLinkOrigins, buildMarkdownTree, markdownText } from '../../../src/core/chat/buildMarkdownTree.ts';
import type { SanitizedNode } from '../../../src/core/chat/MarkdownNode.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { createApprovedOrigins } from '../../../src/core/origins/ApprovedOrigins.ts';
import { createLinkPolicy } from '../../../src/core/origins/LinkPolicy.ts';

const engine = createMaskingEngine(undefined);
const approved = createLinkPolicy(
  createApprovedOrigins({ instanceOrigins: ['https://shield-demo.my.connect.aws'], approvedOrigins: ['https://help.example.com'] }),
  (text) => engine.maskText(text).display,
);
const el = (tag: string, children: SanitizedNode[], href: string | null = null): SanitizedNode => ({ tag, href, children });

describe('buildMarkdownTree', () => {
  it('keeps allowlisted formatting and unwraps any other element to its text', () => {
    const tree = buildMarkdownTree(
      [el('p', ['a ', el('strong', ['b']), el('img', []), el('svg', [el('script', ['alert(1)'])]), el('h1', ['c'])])],
      engine,
      approved,
    );
    expect(tree).toEqual([
      {
        type: 'element',
        tag: 'p',
        children: [
          { type: 'text', text: 'a ' },
          { type: 'element', tag: 'strong', children: [{ type: 'text', text: 'b' }] },
          { type: 'text', text: 'alert(1)' },
          { type: 'text', text: 'c' },
        ],
      },
    ]);
  });

  it('makes a link clickable only when the classifier approves it', () => {
    const tree = buildMarkdownTree(
      [
        el('p', [
          el('a', ['help'], 'https://help.example.com/faq'),
          el('a', ['evil'], 'https://evil.example.net/'),
          el('a', ['js'], 'javascript:alert(1)'),
          el('a', ['none']),
        ]),
      ],
      engine,
      approved,
    );
    const links = (tree[0]?.type === 'element' ? tree[0].children : []).filter((node) => node.type === 'link');
    expect(links.map((link) => (link.type === 'link' ? [link.href, link.blockedReason] : null))).toEqual([
      ['https://help.example.com/faq', undefined],
      [null, 'not_approved'],
      [null, 'unsafe_scheme'],
      [null, 'malformed'],
    ]);
    // What the audit trail gets: the origins of blocked links (masked), never an approved one or a URL path.
    expect(blockedLinkOrigins(tree)).toEqual(['https://evil.example.net']);
    const sensitive = buildMarkdownTree([el('p', [el('a', ['x'], 'https://%34111111111111111.evil.test/a?b')])], engine, approved);
    expect(blockedLinkOrigins(sensitive)).toEqual(['https://*.evil.test']);
  });

  it('masks a card number inside emphasis and inside link text', () => {
    const tree = buildMarkdownTree(
      [el('p', [el('strong', ['4111 1111 1111 1111'])]), el('p', [el('a', ['4111 1111 1111 1111'], 'https://help.example.com/')])],
      engine,
      approved,
    );
    expect(markdownText(tree)).toBe('•••• 1111•••• 1111');
    expect(JSON.stringify(tree)).not.toContain('4111 1111');
  });

  it('flattens a block whose secret is split across formatting into its masked text', () => {
    const tree = buildMarkdownTree([el('p', ['card ', el('strong', ['4111 1111']), el('em', [' 1111 1111']), ' thanks'])], engine, approved);
    expect(tree).toEqual([{ type: 'text', text: 'card •••• 1111 thanks' }]);
  });

  it('reads the blocks of a message together: a card split over two paragraphs or list items is masked in both', () => {
    const paragraphs = buildMarkdownTree([el('p', ['my card is 4111 1111']), el('p', ['1111 1111'])], engine, approved);
    expect(markdownText(paragraphs)).toBe('my card is •••••••••••• 1111');
    expect(JSON.stringify(paragraphs)).not.toMatch(/4111|1111 1111/);
    const items = buildMarkdownTree(
      [el('ul', [el('li', ['4111 1111']), el('li', ['1111 1111'])]), el('p', ['exp ', el('strong', ['12/27'])])],
      engine,
      approved,
    );
    expect(JSON.stringify(items)).not.toMatch(/4111|1111 1111|12\/27/);
    // Blocks that hold nothing together keep their formatting.
    const plain = buildMarkdownTree([el('p', ['order ', el('strong', ['1234'])]), el('p', ['ships 5678'])], engine, approved);
    expect(plain[0]).toEqual({
      type: 'element',
      tag: 'p',
      children: [
        { type: 'text', text: 'order ' },
        { type: 'element', tag: 'strong', children: [{ type: 'text', text: '1234' }] },
      ],
    });
  });

  it('reads a line break as one, so digits on either side are not one number', () => {
    const tree = buildMarkdownTree([el('p', ['room 1234', el('br', []), '5678 please'])], engine, approved);
    expect(markdownText(tree)).toBe('room 1234\n5678 please');
    const card = buildMarkdownTree([el('p', ['4111 1111', el('br', []), '1111 1111'])], engine, approved);
    expect(markdownText(card)).not.toMatch(/4111/);
  });

  it('does not follow an approved link whose URL carries a card number', () => {
    const tree = buildMarkdownTree([el('p', [el('a', ['pay'], 'https://help.example.com/pay?card=4111111111111111')])], engine, approved);
    expect(tree[0]?.type === 'element' ? tree[0].children[0] : null).toMatchObject({ type: 'link', href: null, blockedReason: 'sensitive_value' });
  });

  it('flattens nesting deeper than a person writes', () => {
    let node: SanitizedNode = 'deep';
    for (let i = 0; i < 100; i++) node = el('blockquote', [node]);
    const tree = buildMarkdownTree([node], engine, approved);
    expect(markdownText(tree)).toBe('deep');
    expect(JSON.stringify(tree).split('blockquote').length - 1).toBeLessThanOrEqual(12);
  });
});
