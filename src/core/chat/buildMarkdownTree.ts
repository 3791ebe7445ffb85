import type { LinkPolicy } from '../origins/LinkPolicy.ts';
import { classifyLink } from '../origins/classifyLink.ts';
import type { TextMasker } from './TextMasker.ts';
import { isMarkdownTag, type MarkdownNode, type SanitizedNode } from './MarkdownNode.ts';

/** Deeper nesting than a person writes is flattened to text: no unbounded recursion from a hostile message. */
const MAX_DEPTH = 12;

/**
 * Turns what DOMPurify kept into the tree the shell draws, making the decisions the core owns:
 * only allowlisted tags survive (defence in depth behind DOMPurify), a link is clickable only when
 * the link classifier approves it and it carries nothing sensitive, and masking runs on the text.
 *
 * Masking is per block: the text of a top-level block is masked as a whole, so a card number
 * split by formatting (`**4111** 1111 1111 1111`, a link text) is still found; when a finding
 * crosses node boundaries the block loses its formatting and becomes its masked text.
 */
export function buildMarkdownTree(nodes: readonly SanitizedNode[], masker: TextMasker, approved: LinkPolicy): MarkdownNode[] {
  return nodes.flatMap((node) => maskBlock(toTree(node, approved, 0), masker));
}

function toTree(node: SanitizedNode, approved: LinkPolicy, depth: number): MarkdownNode[] {
  if (typeof node === 'string') return node === '' ? [] : [{ type: 'text', text: node }];
  if (depth >= MAX_DEPTH) return [{ type: 'text', text: textOfSanitized(node) }];
  const tag = node.tag.toLowerCase();
  const children = node.children.flatMap((child) => toTree(child, approved, depth + 1));
  if (!isMarkdownTag(tag)) return children;
  if (tag === 'a') {
    if (node.href === null) return [{ type: 'link', href: null, blockedReason: 'malformed', children }];
    const verdict = classifyLink(node.href, approved);
    return verdict.kind === 'approved'
      ? [{ type: 'link', href: verdict.href, children }]
      : [{ type: 'link', href: null, blockedReason: verdict.reason, ...(verdict.origin === undefined ? {} : { blockedOrigin: verdict.origin }), children }];
  }
  if (tag === 'br') return [{ type: 'element', tag, children: [] }];
  return [{ type: 'element', tag, children }];
}

function maskBlock(nodes: MarkdownNode[], masker: TextMasker): MarkdownNode[] {
  return nodes.map((node) => {
    const leaves = textLeaves(node);
    const whole = leaves.map((leaf) => leaf.text).join('');
    const { findings } = masker.maskText(whole);
    let offset = 0;
    const bounds = leaves.map((leaf) => {
      const start = offset;
      offset += leaf.text.length;
      return { start, end: offset };
    });
    const crossesNodes = findings.some((finding) => !bounds.some((bound) => finding.start >= bound.start && finding.end <= bound.end));
    if (crossesNodes) return { type: 'text', text: masker.maskText(whole).display };
    return maskLeaves(node, masker);
  });
}

function maskLeaves(node: MarkdownNode, masker: TextMasker): MarkdownNode {
  if (node.type === 'text') return { type: 'text', text: masker.maskText(node.text).display };
  if (node.type === 'link') {
    // An approved link whose URL carries something sensitive is not followed: the URL would leak it.
    const href = node.href !== null && masker.maskText(node.href).findings.length > 0 ? null : node.href;
    const children = node.children.map((child) => maskLeaves(child, masker));
    if (href !== null) return { type: 'link', href, children };
    const blockedOrigin = node.blockedOrigin ?? (node.href === null ? undefined : maskedOriginOf(node.href, masker));
    return { type: 'link', href: null, blockedReason: node.blockedReason ?? 'sensitive', ...(blockedOrigin === undefined ? {} : { blockedOrigin }), children };
  }
  return { ...node, children: node.children.map((child) => maskLeaves(child, masker)) };
}

function maskedOriginOf(href: string, masker: TextMasker): string | undefined {
  try {
    return masker.maskText(new URL(href).origin).display;
  } catch {
    return undefined;
  }
}

/** The origins of the blocked links in a tree, once each (masked; what the audit trail may hold). */
export function blockedLinkOrigins(nodes: readonly MarkdownNode[]): string[] {
  const origins = new Set<string>();
  const visit = (node: MarkdownNode): void => {
    if (node.type === 'text') return;
    if (node.type === 'link' && node.href === null && node.blockedOrigin !== undefined) origins.add(node.blockedOrigin);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return [...origins];
}

function textLeaves(node: MarkdownNode): { text: string }[] {
  if (node.type === 'text') return [node];
  return node.children.flatMap(textLeaves);
}

function textOfSanitized(node: SanitizedNode): string {
  return typeof node === 'string' ? node : node.children.map(textOfSanitized).join('');
}

/** The plain text of a tree (what a screen reader or the preview report reads). */
export function markdownText(nodes: readonly MarkdownNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'element' && node.tag === 'br' ? '\n' : markdownText(node.children))).join('');
}
