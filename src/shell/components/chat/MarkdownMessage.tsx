import { createElement, type ReactNode } from 'react';
import type { MarkdownNode } from '../../../core/chat/MarkdownNode.ts';
import { t } from '../../../platform/i18n.ts';

/**
 * The one component that draws a customer's Markdown. It receives the core's tree — parsed by
 * markdown-it, sanitized by DOMPurify, checked against the allowlist, masked, links classified —
 * and draws it with React elements of a closed set of tags: no HTML string is ever set.
 */
export function MarkdownMessage({ nodes }: { nodes: readonly MarkdownNode[] }) {
  return <div className="chat-markdown">{nodes.map(renderNode)}</div>;
}

function renderNode(node: MarkdownNode, key: number): ReactNode {
  if (node.type === 'text') return node.text;
  const children = node.children.map(renderNode);
  if (node.type === 'link') {
    if (node.href !== null) {
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer" data-testid="approved-link" title={node.href}>
          {children}
        </a>
      );
    }
    return (
      <span key={key} data-testid="blocked-link" data-reason={node.blockedReason}>
        {children}
        <span className="kind link-blocked-mark">{t('linkBlockedByOrganization')}</span>
      </span>
    );
  }
  if (node.tag === 'br') return <br key={key} />;
  return createElement(node.tag, { key }, children);
}
