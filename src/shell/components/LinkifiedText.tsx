import { useEffect, useMemo, type ReactNode } from 'react';
import type { LinkPolicy } from '../../core/origins/LinkPolicy.ts';
import { classifyLink, type LinkVerdict } from '../../core/origins/classifyLink.ts';
import { findLinks } from '../../core/origins/findLinks.ts';
import { reportBlockedRequest } from '../../platform/blockedRequestReporter.ts';
import { t } from '../../platform/i18n.ts';

type Piece = { kind: 'text'; text: string } | { kind: 'link'; verdict: LinkVerdict };

/**
 * Untrusted text (a chat message, an attribute value, a screen-pop URL) with links only where the
 * organization approved the site. Everything is a React text node — no markup from the text is
 * ever interpreted. An approved URL becomes a link showing the parser's serialisation of it —
 * the real host, not a full-width or percent-encoded disguise — so what the agent reads is where
 * it goes; any other URL stays plain text with a "blocked by your organization"
 * mark, and its origin (never the URL) is reported for the audit trail.
 */
export function LinkifiedText({ text, approved }: { text: string; approved: LinkPolicy }) {
  const pieces = useMemo(() => splitIntoPieces(text, approved), [text, approved]);
  const blockedOrigins = useMemo(
    () => [
      ...new Set(pieces.flatMap((piece) => (piece.kind === 'link' && piece.verdict.kind === 'blocked' && piece.verdict.origin ? [piece.verdict.origin] : []))),
    ],
    [pieces],
  );
  useEffect(() => {
    for (const origin of blockedOrigins) reportBlockedRequest(origin, 'link', 'link');
  }, [blockedOrigins]);

  return <>{pieces.map(renderPiece)}</>;
}

function renderPiece(piece: Piece, index: number): ReactNode {
  if (piece.kind === 'text') return piece.text;
  const { verdict } = piece;
  if (verdict.kind === 'approved') {
    return (
      <a key={index} href={verdict.href} target="_blank" rel="noopener noreferrer" data-testid="approved-link">
        {verdict.href}
      </a>
    );
  }
  return (
    <span key={index} data-testid="blocked-link" data-reason={verdict.reason}>
      {verdict.text}
      <span className="kind link-blocked-mark">{t('linkBlockedByOrganization')}</span>
    </span>
  );
}

function splitIntoPieces(text: string, approved: LinkPolicy): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const link of findLinks(text)) {
    if (link.start > at) pieces.push({ kind: 'text', text: text.slice(at, link.start) });
    pieces.push({ kind: 'link', verdict: classifyLink(link.raw, approved) });
    at = link.end;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}
