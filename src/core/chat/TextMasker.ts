/** The part of the masking engine chat needs: free text in, display text and where findings were. */
export interface TextMasker {
  maskText(text: string): { display: string; findings: readonly { kind: string; start: number; end: number }[] };
  /** Texts in a row (oldest first), one display each; a secret written across two of them is masked in both. */
  maskAdjacentTexts(texts: readonly string[]): { displays: string[] };
}
