import type { ApprovedOrigins } from './ApprovedOrigins.ts';

/**
 * What deciding on a link needs: which origins are approved, and the policy's masking engine for
 * what the URL parser makes of the text. The parser decodes a percent-encoded host and maps other
 * digit forms (`%34111…`, mathematical or full-width digits) to ASCII, so a value the masker could
 * not see in the raw text can appear in the canonical URL; that is the form shown and audited.
 */
export interface LinkPolicy {
  matches(url: string): boolean;
  /** The masked display of free text. */
  maskText(text: string): string;
}

export function createLinkPolicy(approved: Pick<ApprovedOrigins, 'matches'>, maskText: (text: string) => string): LinkPolicy {
  return { matches: (url) => approved.matches(url), maskText };
}
