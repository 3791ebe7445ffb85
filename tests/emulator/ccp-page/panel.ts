// A plain CCP-like panel inside the iframe, acting on the same server state as Streams. Like
// Amazon's real CCP it shows everything unmasked: the caller's number, the queue, the parties
// on the call and each chat's whole transcript. That is what the shell must keep off screen.
// Everything is drawn with DOM APIs and textContent: contact data is untrusted.

import { isRecord } from './serverLink.ts';
import type { ServerLink } from './serverLink.ts';

interface PanelContact {
  readonly contactId: string;
  readonly type: string;
  readonly state: string;
  readonly queue: string;
  readonly caller: string;
  readonly agentConnectionId: string;
  readonly parties: readonly { readonly label: string; readonly state: string }[];
}

/** What the page knows about each chat's transcript: items as the Participant Service sends them. */
export type Transcripts = ReadonlyMap<string, readonly unknown[]>;

export function renderPanel(root: HTMLElement, agentData: unknown, transcripts: Transcripts, link: ServerLink): void {
  const snapshot = isRecord(agentData) && isRecord(agentData.snapshot) ? agentData.snapshot : {};
  const configuration = isRecord(agentData) && isRecord(agentData.configuration) ? agentData.configuration : {};
  const state = isRecord(snapshot.state) ? snapshot.state : {};
  const stateName = text(state.name);

  const header = element('header', 'ccp-header');
  header.append(element('h1', 'ccp-agent-name', text(configuration.name)), element('p', 'ccp-agent-state', stateName));

  const selector = document.createElement('select');
  selector.className = 'ccp-state-selector';
  selector.setAttribute('aria-label', 'Agent state');
  const agentStates = Array.isArray(configuration.agentStates) ? configuration.agentStates.filter(isRecord) : [];
  if (!agentStates.some((s) => s.name === stateName)) selector.append(option(stateName, stateName));
  for (const s of agentStates) selector.append(option(text(s.name), text(s.name)));
  selector.value = stateName;
  selector.addEventListener('change', () => {
    const chosen = agentStates.find((s) => s.name === selector.value);
    if (chosen) void link.callApi('putAgentState', { state: chosen, enqueueNextState: false });
  });

  const list = element('ul', 'ccp-contacts');
  const contacts = (Array.isArray(snapshot.contacts) ? snapshot.contacts : []).map(panelContact);
  for (const contact of contacts) list.append(contactItem(contact, transcripts.get(contact.contactId) ?? [], link));
  if (contacts.length === 0) list.append(element('li', 'ccp-no-contacts', 'No contacts'));

  root.replaceChildren(header, selector, list);
}

function contactItem(contact: PanelContact, transcript: readonly unknown[], link: ServerLink): HTMLElement {
  const item = element('li', 'ccp-contact');
  item.dataset.contactId = contact.contactId;
  item.append(
    element('span', 'ccp-contact-type', contact.type),
    element('span', 'ccp-contact-state', contact.state),
    element('span', 'ccp-contact-queue', contact.queue),
    element('span', 'ccp-contact-caller', contact.caller),
  );
  for (const party of contact.parties) item.append(element('span', 'ccp-contact-party', `${party.label} (${party.state})`));
  const ids = { contactId: contact.contactId };
  if (contact.state === 'incoming' || contact.state === 'connecting') {
    item.append(button('Accept', () => link.callApi('acceptContact', ids)));
  }
  if (contact.state === 'connected') {
    item.append(button('Hang up', () => link.callApi('destroyConnection', { ...ids, connectionId: contact.agentConnectionId })));
  }
  if (contact.state === 'ended') item.append(button('Clear', () => link.callApi('clearContact', ids)));
  if (contact.type === 'chat') item.append(transcriptList(transcript));
  return item;
}

function transcriptList(transcript: readonly unknown[]): HTMLElement {
  const list = element('ol', 'ccp-transcript');
  for (const entry of transcript) {
    if (!isRecord(entry) || entry.Type !== 'MESSAGE' || typeof entry.Content !== 'string') continue;
    const line = element('li', 'ccp-transcript-message');
    line.append(element('span', 'ccp-transcript-author', text(entry.DisplayName)), element('span', 'ccp-transcript-text', entry.Content));
    list.append(line);
  }
  return list;
}

function panelContact(value: unknown): PanelContact {
  const contact = isRecord(value) ? value : {};
  const connections = Array.isArray(contact.connections) ? contact.connections.filter(isRecord) : [];
  const agent = connections.find((c) => c.type === 'agent');
  const customer = connections.find((c) => c.initial === true);
  const endpoint = customer && isRecord(customer.endpoint) ? customer.endpoint : {};
  const parties = connections
    .filter((c) => c.type !== 'agent' && c.initial !== true)
    .map((c) => {
      const partyEndpoint = isRecord(c.endpoint) ? c.endpoint : {};
      return { label: text(c.quickConnectName) || text(partyEndpoint.phoneNumber), state: isRecord(c.state) ? text(c.state.type) : '' };
    });
  return {
    contactId: text(contact.contactId),
    type: text(contact.type),
    state: isRecord(contact.state) ? text(contact.state.type) : '',
    queue: isRecord(contact.queue) ? text(contact.queue.name) : '',
    caller: text(endpoint.phoneNumber ?? endpoint.name),
    agentConnectionId: agent ? text(agent.connectionId) : '',
    parties,
  };
}

function element(tag: string, className: string, content?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

function option(value: string, label: string): HTMLOptionElement {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = label;
  return node;
}

function button(label: string, action: () => Promise<unknown>): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.textContent = label;
  node.addEventListener('click', () => void action());
  return node;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
