// The @amazon-connect/site MessageChannel handshake (protocol doc A.11). Streams' chat media
// controller awaits contact/getInstanceDetails on it; without an answer chat starts only
// after the SDK's 30 s timeout.

import { isRecord } from './serverLink.ts';

export function offerSdkChannel(region: string): void {
  const channel = new MessageChannel();
  const port = channel.port1;
  port.onmessage = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isRecord(message)) return;
    if (message.type === 'cross-domain-site-ready') {
      port.postMessage({
        type: 'acknowledge',
        connectionId: `emulated-sdk-${crypto.randomUUID()}`,
        status: { initialized: true, startTime: new Date() },
        healthCheckInterval: 0,
      });
    } else if (message.type === 'request') {
      port.postMessage(answer(message, region));
    } else if (message.type === 'healthCheck') {
      port.postMessage({ type: 'healthCheckResponse', time: Date.now(), counter: 0 });
    }
  };
  window.parent.postMessage({ type: 'cross-domain-adapter-init' }, '*', [channel.port2]);
}

function answer(request: Record<string, unknown>, region: string): Record<string, unknown> {
  const base = { type: 'response', namespace: request.namespace, requestId: request.requestId };
  if (request.command === 'contact/getInstanceDetails') {
    return { ...base, isError: false, data: { origin: location.origin, region } };
  }
  return { ...base, isError: true, errorKey: 'notImplemented', reason: 'Not implemented by the emulated CCP', details: { command: request.command } };
}
