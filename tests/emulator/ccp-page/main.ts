// Entry of the emulated /ccp-v2 page. Framed: relay between Streams and the emulator server.
// Top-level (Streams' login popup): just say the sign-in worked.

import { openConduit } from './conduit.ts';
import { renderPanel } from './panel.ts';
import { offerSdkChannel } from './sdkChannel.ts';
import { connectToServer } from './serverLink.ts';
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

function startRelay(root: HTMLElement): void {
  let conduit: Conduit | undefined;
  let unresponsive = false;
  const link = connectToServer({
    snapshot: (agentData) => {
      if (unresponsive) return;
      conduit?.agentUpdate(agentData);
      renderPanel(root, agentData, link);
    },
    chat: ({ item }) => conduit?.chatItem(item),
    authFail: () => conduit?.authFail(),
    chatSocket: (up) => conduit?.chatSocket(up),
    unresponsive: (on) => {
      unresponsive = on;
      conduit?.setUnresponsive(on);
    },
  });
  conduit = openConduit(link);
  offerSdkChannel(document.documentElement.dataset.region ?? 'us-west-2');
}

const root = rootElement();
if (window.parent === window) renderSignedIn(root);
else startRelay(root);
