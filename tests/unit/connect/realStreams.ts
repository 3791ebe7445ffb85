import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectApi } from '../../../src/connect/connectLibraries.ts';
import { reviveDates } from '../../emulator/ccp-page/reviveDates.ts';

/**
 * The real, unmodified amazon-connect-streams (loaded in happy-dom), fed a recorded `agent::update`
 * from `tests/fixtures/streams/` the way the CCP's conduit feeds it: the agent data goes into
 * Streams' own AgentDataProvider, so `connect.Agent` and `connect.Contact` objects and their
 * `toSnapshot()` are Streams' own. Only the transport is left out: the iframe conduit and media.
 */
export type StreamsGlobal = typeof connect;

export function loadStreams(): StreamsGlobal {
  // The shell's own loading of Streams and ChatJS (the test file runs in happy-dom).
  const api = connectApi;
  // What Streams' own initialisation sets up (connect.core.init), without the conduit.
  const core = api.core as unknown as {
    eventBus?: unknown;
    agentDataProvider?: unknown;
    AgentDataProvider: new (bus: unknown) => unknown;
    getEventBus(): unknown;
  };
  const shared = api as unknown as { EventBus: new () => unknown };
  core.eventBus ??= new shared.EventBus();
  core.agentDataProvider ??= new core.AgentDataProvider(core.getEventBus());
  // Media (softphone, chat sessions) is transport too: a connection with media info asks for it and gets none.
  Reflect.set(api.core, 'mediaFactory', { get: () => Promise.reject(new Error('no media in unit tests')) });
  // Streams echoes its own log (and chatjs') to the console; the tests judge what is shown and sent, not logged.
  api.getLog().setEchoLevel(api.LogLevel.CRITICAL);
  return api;
}

function recordedAgentData(name: string, renamed: Readonly<Record<string, string>>): unknown {
  let text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/streams', `${name}.json`), 'utf8');
  for (const [from, to] of Object.entries(renamed)) text = text.replaceAll(from, to);
  return reviveDates(JSON.parse(text));
}

/**
 * Hands Streams a recorded snapshot, as an `agent::update` from the CCP would. `renamed` swaps ids
 * in it (a connection id, say), for a test that needs a connection Streams has not seen yet.
 */
export function deliverSnapshot(api: StreamsGlobal, name: string, renamed: Readonly<Record<string, string>> = {}): void {
  const bus = api.core.getEventBus() as unknown as { trigger(event: string, data: unknown): void };
  bus.trigger(api.AgentEvents.UPDATE, recordedAgentData(name, renamed));
}
