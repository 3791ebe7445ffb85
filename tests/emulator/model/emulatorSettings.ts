// Runtime switches of the emulated instance that are not agent/contact state: the approved
// origins it allows to frame the CCP, a redirect, whether the CCP pretends to hang, and whether
// the agent has signed in (through the login page Streams opens in a popup).

export interface EmulatorSettings {
  approvedOrigins: string[];
  redirectCcpTo: string | null;
  unresponsive: boolean;
  /** False: /ccp-v2 answers 401 until the agent signs in on /login. */
  signedIn: boolean;
  /**
   * Set: /ccp-v2 sends `X-Frame-Options` with this value and no `frame-ancestors` (Chromium
   * ignores X-Frame-Options when frame-ancestors is present), like an instance behind a proxy that
   * adds the header: no extension may frame it.
   */
  xFrameOptions: 'DENY' | 'SAMEORIGIN' | null;
  /** Streams api_request methods that fail (as Connect's CTI service would) this many more times. */
  apiFailures: Map<string, number>;
}

export function initialSettings(approvedOrigins: readonly string[], signedIn = true): EmulatorSettings {
  return { approvedOrigins: [...approvedOrigins], redirectCcpTo: null, unresponsive: false, signedIn, xFrameOptions: null, apiFailures: new Map() };
}
