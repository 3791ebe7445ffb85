import type { ContactChannel, ContactPhase } from './ContactView.ts';

const CHANNELS: readonly ContactChannel[] = ['voice', 'queue_callback', 'chat', 'task', 'email'];

export function contactChannel(type: string): ContactChannel {
  return (CHANNELS as readonly string[]).includes(type) ? (type as ContactChannel) : 'unknown';
}

/**
 * The phase an agent recognises. Streams keeps an ended contact in the snapshot until the agent
 * clears it: that window is after-contact work.
 */
export function contactPhase(state: string, agentConnectionState: string | null): ContactPhase {
  switch (state) {
    case 'incoming':
    case 'pending':
      return 'incoming';
    case 'init':
    case 'connecting':
      return 'connecting';
    case 'connected':
      return agentConnectionState === 'hold' ? 'on_hold' : 'connected';
    case 'paused':
      return 'on_hold';
    case 'ended':
      return 'after_contact_work';
    case 'missed':
      return 'missed';
    case 'rejected':
      return 'rejected';
    case 'error':
      return 'error';
    default:
      // An unknown state is shown as an error rather than guessed at.
      return 'error';
  }
}
