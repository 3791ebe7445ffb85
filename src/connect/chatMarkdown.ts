import DOMPurify, { type Config } from 'dompurify';
import MarkdownIt from 'markdown-it';
import {
  MARKDOWN_ALLOWED_ATTRIBUTES,
  MARKDOWN_ALLOWED_TAGS,
  MARKDOWN_ALLOWED_URI,
  type SanitizedElement,
  type SanitizedNode,
} from '../core/chat/MarkdownNode.ts';

// markdown-it with raw HTML off: customer HTML is escaped by the parser before DOMPurify sees it.
// No linkify (bare URLs stay text here and go through the same classifier as plain messages),
// no typographer, and no images: the image rule is disabled so `![x](url)` never becomes <img>.
const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: true }).disable(['image']);

// Made on first use: DOMPurify binds to the page's window, which Node (CLI, unit tests) lacks.
let purifier: ReturnType<typeof DOMPurify> | null = null;
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...MARKDOWN_ALLOWED_TAGS],
  ALLOWED_ATTR: [...MARKDOWN_ALLOWED_ATTRIBUTES],
  ALLOWED_URI_REGEXP: MARKDOWN_ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * Markdown source → what DOMPurify kept, as plain data for the core. DOMPurify parses in an
 * inert document and returns a fragment that is never attached to the page: the shell draws
 * the core's tree with React, so no HTML from a message is ever set into the DOM.
 */
export function sanitizeChatMarkdown(source: string): SanitizedNode[] {
  purifier ??= DOMPurify(window);
  const fragment = purifier.sanitize(parser.render(source), CONFIG);
  return [...fragment.childNodes].flatMap(readNode);
}

function readNode(node: Node): SanitizedNode[] {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.textContent ?? '';
    // markdown-it separates blocks with newlines that HTML would collapse.
    return text.trim() === '' && text.includes('\n') ? [] : [text];
  }
  if (node.nodeType !== Node.ELEMENT_NODE || !(node instanceof Element)) return [];
  const element: SanitizedElement = {
    tag: node.localName,
    href: node.localName === 'a' ? node.getAttribute('href') : null,
    children: [...node.childNodes].flatMap(readNode),
  };
  return [element];
}
