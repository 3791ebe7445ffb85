// Runtime switches of the emulated instance that are not agent/contact state: the approved
// origins it allows to frame the CCP, a redirect, and whether the CCP pretends to hang.

export interface EmulatorSettings {
  approvedOrigins: string[];
  redirectCcpTo: string | null;
  unresponsive: boolean;
}

export function initialSettings(approvedOrigins: readonly string[]): EmulatorSettings {
  return { approvedOrigins: [...approvedOrigins], redirectCcpTo: null, unresponsive: false };
}
