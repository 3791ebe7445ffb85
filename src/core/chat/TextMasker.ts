/** Where a finding lies in the text it was found in (offsets only, never the value). */
export interface FindingSpan {
  kind: string;
  /** Which detector found it (`sensitiveAuth:pin`…): tells authentication data from other secrets. */
  detector: string;
  start: number;
  end: number;
}

/** The part of the masking engine chat needs: free text in, display text and where findings were. */
export interface TextMasker {
  maskText(text: string): { display: string; findings: readonly FindingSpan[] };
  /** Texts in a row (oldest first), one display each; a secret written across two of them is masked in both. */
  maskAdjacentTexts(texts: readonly string[]): { displays: string[]; findings: readonly (readonly FindingSpan[])[] };
  /**
   * The same masker, naming `contactId` in what it audits (the chat the texts were said in). A
   * masker that reports nothing (the bare engine) has no contact to name and need not offer it.
   */
  forContact?(contactId: string): TextMasker;
}
