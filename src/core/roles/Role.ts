/** The two views of the shell. Supervisors see the agent view by default and may reveal permitted fields. */
export type Role = 'agent' | 'supervisor';

/** Who is logged in to the CCP, as Streams reports it. */
export interface AgentIdentity {
  username: string;
  routingProfile: string;
  permissions: string[];
}
