/**
 * A chat message's Markdown after the parser and DOMPurify, as plain data: the only shapes the
 * shell draws. Links carry an href only when the organization approved it; everything else in
 * the tree is text, already masked.
 */
export type MarkdownTag = 'p' | 'br' | 'em' | 'strong' | 'del' | 'code' | 'pre' | 'ul' | 'ol' | 'li' | 'a' | 'blockquote';

export type MarkdownNode =
  | { type: 'text'; text: string }
  | { type: 'element'; tag: Exclude<MarkdownTag, 'a'>; children: MarkdownNode[] }
  /**
   * `href` only for an approved https link; a blocked link keeps its text and says why, and names
   * the (masked) origin it pointed to when it had one, for the audit trail — never the URL.
   */
  | { type: 'link'; href: string | null; blockedReason?: string; blockedOrigin?: string; children: MarkdownNode[] };

/** Tags the sanitizer keeps (DOMPurify `ALLOWED_TAGS`); any other element is unwrapped to its text. */
export const MARKDOWN_ALLOWED_TAGS: readonly MarkdownTag[] = ['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'blockquote'];

/** The only attribute kept; DOMPurify drops every other one (handlers, style, id/name for clobbering, class). */
export const MARKDOWN_ALLOWED_ATTRIBUTES: readonly string[] = ['href'];

/** Hrefs DOMPurify keeps at all: https only. Whether one becomes clickable is the link classifier's call. */
export const MARKDOWN_ALLOWED_URI = /^https:\/\//i;

/** A sanitized element as the edge reads it from the DOM, before the core's decisions. */
export interface SanitizedElement {
  tag: string;
  href: string | null;
  children: SanitizedNode[];
}
export type SanitizedNode = string | SanitizedElement;

export function isMarkdownTag(tag: string): tag is MarkdownTag {
  return (MARKDOWN_ALLOWED_TAGS as readonly string[]).includes(tag);
}
