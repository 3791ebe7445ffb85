// The fixed, real-looking catalogue of the emulated instance: ARNs, agent states, queues, quick connects.

import type { AgentStateType } from './types.ts';

export interface InstanceCatalog {
  readonly region: string;
  readonly instanceArn: string;
  readonly agentStates: ReadonlyArray<{ readonly name: string; readonly type: AgentStateType }>;
  readonly defaultQueueName: string;
}

export function instanceCatalog(region: string): InstanceCatalog {
  return {
    region,
    instanceArn: `arn:aws:connect:${region}:123456789012:instance/5ea1d000-0000-4000-8000-00000000cc01`,
    agentStates: [
      { name: 'Available', type: 'routable' },
      { name: 'Offline', type: 'offline' },
      { name: 'Lunch', type: 'not_routable' },
      { name: 'Training', type: 'not_routable' },
    ],
    defaultQueueName: 'BasicQueue',
  };
}

export function agentStateArn(catalog: InstanceCatalog, name: string): string {
  return `${catalog.instanceArn}/agent-state/${encodeURIComponent(name.toLowerCase())}`;
}

export function queueArn(catalog: InstanceCatalog, queueName: string): string {
  return `${catalog.instanceArn}/queue/${encodeURIComponent(queueName.toLowerCase())}`;
}

export function agentArn(catalog: InstanceCatalog, username: string): string {
  return `${catalog.instanceArn}/agent/${encodeURIComponent(username)}`;
}

export function routingProfileArn(catalog: InstanceCatalog, name: string): string {
  return `${catalog.instanceArn}/routing-profile/${encodeURIComponent(name.toLowerCase())}`;
}

/** What `getEndpoints` returns: the agent's quick connects. */
export function quickConnects(catalog: InstanceCatalog): ReadonlyArray<Record<string, string | null>> {
  const arn = (id: string): string => `${catalog.instanceArn}/transfer-destination/${id}`;
  return [
    {
      endpointARN: arn('qc-helpdesk'),
      endpointId: arn('qc-helpdesk'),
      type: 'phone_number',
      name: 'IT helpdesk',
      phoneNumber: '+18005550199',
      agentLogin: null,
      queue: null,
    },
    {
      endpointARN: arn('qc-billing'),
      endpointId: arn('qc-billing'),
      type: 'queue',
      name: 'Billing queue',
      phoneNumber: null,
      agentLogin: null,
      queue: queueArn(catalog, 'Billing'),
    },
    {
      endpointARN: arn('qc-supervisor'),
      endpointId: arn('qc-supervisor'),
      type: 'agent',
      name: 'Supervisor',
      phoneNumber: null,
      agentLogin: 'supervisor',
      queue: null,
    },
  ];
}
