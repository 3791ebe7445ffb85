// Entry of the emulated /ccp-v2 page. Framed: relay between Streams and the emulator server,
// and draw the CCP panel (unmasked, like Amazon's). Top-level (Streams' login popup): just say
// the sign-in worked.

import { openConduit } from './conduit.ts';
import { startMediaProbe } from './mediaProbe.ts';
import { renderPanel } from './panel.ts';
import { offerSdkChannel } from './sdkChannel.ts';
import { connectToServer, isRecord } from './serverLink.ts';
import type { Conduit } from './conduit.ts';

function rootElement(): HTMLElement {
  const existing = document.getElementById('ccp-root');
  if (existing) return existing;
  const created = document.createElement('main');
  document.body.append(created);
  return created;
}

function renderSignedIn(root: HTMLElement): void {
  const heading = document.createElement('h1');
  heading.textContent = 'Signed in to the emulated Amazon Connect';
  const note = document.createElement('p');
  note.textContent = 'You can close this window.';
  root.replaceChildren(heading, note);
  document.title = 'Signed in — emulated Amazon Connect';
}

/** Whether a voice call rings or is on, from a snapshot: what the softphone and ringtone follow. */
function voiceActivity(agentData: unknown): { ringing: boolean; connected: boolean } {
  const snapshot = isRecord(agentData) && isRecord(agentData.snapshot) ? agentData.snapshot : {};
  const contacts = (Array.isArray(snapshot.contacts) ? snapshot.contacts : []).filter(isRecord).filter((c) => c.type === 'voice');
  const states = contacts.map((c) => (isRecord(c.state) ? c.state.type : ''));
  const inbound = contacts.filter((c) => c.initiationMethod !== 'outbound').map((c) => (isRecord(c.state) ? c.state.type : ''));
  return { ringing: inbound.some((s) => s === 'connecting' || s === 'incoming'), connected: states.includes('connected') };
}

function startRelay(root: HTMLElement): void {
  let conduit: Conduit | undefined;
  let unresponsive = false;
  let lastSnapshot: unknown = null;
  const transcripts = new Map<string, unknown[]>();
  const probe = startMediaProbe(`ccp-page-${crypto.randomUUID()}`);
  const redraw = (): void => renderPanel(root, lastSnapshot, transcripts, link);
  const link = connectToServer({
    snapshot: (agentData) => {
      if (unresponsive) return;
      lastSnapshot = agentData;
      conduit?.agentUpdate(agentData);
      redraw();
      probe.update(voiceActivity(agentData));
    },
    chat: ({ contactId, item }) => {
      conduit?.chatItem(item);
      const items = transcripts.get(contactId) ?? [];
      const id = isRecord(item) ? item.Id : undefined;
      if (!items.some((known) => isRecord(known) && known.Id === id)) transcripts.set(contactId, [...items, item]);
      redraw();
    },
    transcripts: (all) => {
      for (const [contactId, items] of Object.entries(all)) transcripts.set(contactId, items);
      redraw();
    },
    authFail: () => conduit?.authFail(),
    chatSocket: (up) => conduit?.chatSocket(up),
    unresponsive: (on) => {
      unresponsive = on;
      conduit?.setUnresponsive(on);
    },
    mute: (muted) => conduit?.muted(muted),
  });
  conduit = openConduit(link);
  offerSdkChannel(document.documentElement.dataset.region ?? 'us-west-2');
}

const root = rootElement();
if (window.parent === window) renderSignedIn(root);
else startRelay(root);
