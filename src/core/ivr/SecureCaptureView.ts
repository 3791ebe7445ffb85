/**
 * A secure-IVR step as the agent sees it: its status, never its data.
 * - `captured`: the status says captured and the value attribute holds ciphertext;
 * - `value_missing`: the status says captured, but the value attribute is empty or holds
 *   something that is neither ciphertext nor plaintext (a flow problem: nothing was stored);
 * - `in_progress`, `failed`, `not_started`: as the flow reports them; `unknown`: a status word
 *   the policy does not know, or a value without a status.
 */
export type SecureCaptureStatus = 'captured' | 'value_missing' | 'in_progress' | 'failed' | 'not_started' | 'unknown';

export interface SecureCaptureChange {
  status: SecureCaptureStatus;
  /** Milliseconds since epoch when the change was seen. */
  at: number;
}

export interface SecureCaptureView {
  /** The policy's label, e.g. "Card number". */
  label: string;
  status: SecureCaptureStatus;
  /** The secure field held something other than ciphertext: hidden, and reported as an incident. */
  plaintextIncident: boolean;
  /** From the field's attempts attribute, or counted from the status changes seen during the contact. */
  attempts: number;
  /** When the status last changed (or was first seen). */
  lastChangedAt: number;
  /** Why the flow says the capture failed, masked like any value; null when it gives none. */
  failureReason: string | null;
  /** Status changes seen during this contact, oldest first (supervisors see them). */
  history: SecureCaptureChange[];
}
