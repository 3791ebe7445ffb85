import type { LinkPolicy } from '../origins/LinkPolicy.ts';
import { classifyLink } from '../origins/classifyLink.ts';
import type { FindingSpan, TextMasker } from './TextMasker.ts';
import { isMarkdownTag, type MarkdownNode, type SanitizedNode } from './MarkdownNode.ts';

/** Deeper nesting than a person writes is flattened to text: no unbounded recursion from a hostile message. */
const MAX_DEPTH = 12;

/**
 * Turns what DOMPurify kept into the tree the shell draws, making the decisions the core owns:
 * only allowlisted tags survive (defence in depth behind DOMPurify), a link is clickable only when
 * the link classifier approves it and it carries nothing sensitive, and masking runs on the text.
 *
 * Masking is per block: the text of a top-level block is masked as a whole, so a card number
 * split by formatting (`**4111** 1111 1111 1111`, a link text, a line break) is still found, and
 * the blocks are read together as neighbouring texts, so one split over two paragraphs or list
 * items is too; when a finding crosses node boundaries, or needs the next block, the block loses
 * its formatting and becomes its masked text.
 */
export function buildMarkdownTree(nodes: readonly SanitizedNode[], masker: TextMasker, approved: LinkPolicy): MarkdownNode[] {
  const blocks = nodes.flatMap((node) => toTree(node, approved, 0));
  const wholes = blocks.map((block) =>
    textLeaves(block)
      .map((leaf) => leaf.text)
      .join(''),
  );
  // Most messages are one block: no neighbours to read.
  const together = blocks.length > 1 ? masker.maskAdjacentTexts(wholes) : null;
  return blocks.map((block, i) => maskBlock(block, wholes[i] ?? '', together?.findings[i] ?? [], together?.displays[i], masker));
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

/**
 * `whole` is the block's text, `withNeighbours` what reading it with the blocks around it found
 * there and `shownWithNeighbours` how that reading draws it.
 */
function maskBlock(
  node: MarkdownNode,
  whole: string,
  withNeighbours: readonly FindingSpan[],
  shownWithNeighbours: string | undefined,
  masker: TextMasker,
): MarkdownNode {
  const alone = masker.maskText(whole);
  const bounds: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const leaf of textLeaves(node)) {
    bounds.push({ start: offset, end: (offset += leaf.text.length) });
  }
  const withinOneLeaf = (finding: FindingSpan): boolean => bounds.some((bound) => finding.start >= bound.start && finding.end <= bound.end);
  const foundAlone = (finding: FindingSpan): boolean => alone.findings.some((own) => own.start <= finding.start && own.end >= finding.end);
  // A secret only its neighbours reveal (the first half of a card number) is drawn as the joint reading shows it.
  if (shownWithNeighbours !== undefined && withNeighbours.some((finding) => !foundAlone(finding))) return { type: 'text', text: shownWithNeighbours };
  if (alone.findings.some((finding) => !withinOneLeaf(finding))) return { type: 'text', text: alone.display };
  return maskLeaves(node, masker);
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

/** The block's text in order; a line break counts as one, so `4111<br>1111` is not read as `41111111`. */
function textLeaves(node: MarkdownNode): { text: string }[] {
  if (node.type === 'text') return [node];
  if (node.type === 'element' && node.tag === 'br') return [{ text: '\n' }];
  return node.children.flatMap(textLeaves);
}

function textOfSanitized(node: SanitizedNode): string {
  return typeof node === 'string' ? node : node.children.map(textOfSanitized).join('');
}

/** The plain text of a tree (what a screen reader or the preview report reads). */
export function markdownText(nodes: readonly MarkdownNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'element' && node.tag === 'br' ? '\n' : markdownText(node.children))).join('');
}
