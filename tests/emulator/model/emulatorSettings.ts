// Runtime switches of the emulated instance that are not agent/contact state: the approved
// origins it allows to frame the CCP, a redirect, whether the CCP pretends to hang, and whether
// the agent has signed in (through the login page Streams opens in a popup).

export interface EmulatorSettings {
  approvedOrigins: string[];
  redirectCcpTo: string | null;
  unresponsive: boolean;
  /** False: /ccp-v2 answers 401 until the agent signs in on /login. */
  signedIn: boolean;
}

export function initialSettings(approvedOrigins: readonly string[], signedIn = true): EmulatorSettings {
  return { approvedOrigins: [...approvedOrigins], redirectCcpTo: null, unresponsive: false, signedIn };
}
