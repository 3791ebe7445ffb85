/** One problem in a policy document, addressed so that IT can find and fix it. */
export interface PolicyError {
  /** JSON pointer (RFC 6901) to the offending value, e.g. `/masking/patterns/0/regex`; `""` for the whole document. */
  pointer: string;
  /** A plain sentence saying what is wrong and how to fix it. Never contains a sensitive value. */
  message: string;
}
