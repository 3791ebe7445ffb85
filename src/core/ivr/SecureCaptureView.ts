/** A secure-IVR step as the agent sees it: its status, never its data. */
export type SecureCaptureStatus = 'captured' | 'in_progress' | 'failed' | 'not_started' | 'unknown';

export interface SecureCaptureView {
  /** The policy's label, e.g. "Card number". */
  label: string;
  status: SecureCaptureStatus;
  /** The secure field held something other than ciphertext: hidden, and reported as an incident. */
  plaintextIncident: boolean;
}
