// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { readAgentView } from '../../../src/connect/readAgentView.ts';
import { readRawContact } from '../../../src/connect/readRawContact.ts';
import { deliverSnapshot, loadStreams, type StreamsGlobal } from './realStreams.ts';

let api: StreamsGlobal;
beforeAll(() => {
  api = loadStreams();
});

const contactsOf = (name: string) => {
  deliverSnapshot(api, name);
  return new api.Agent().getContacts();
};

describe('readRawContact on what Streams hands over', () => {
  it('reads a ringing call: caller, queue, attributes flattened, the caller as the only party', () => {
    const [contact] = contactsOf('voiceIncoming');
    expect(contact).toBeDefined();
    if (contact === undefined) return;
    const raw = readRawContact(contact);
    expect(raw).toMatchObject({
      contactId: 'voice-1',
      type: 'voice',
      state: 'connecting',
      agentConnectionState: 'connecting',
      queueName: 'Billing',
      callerNumber: '+81312345678',
      attributes: { note: 'card 4111 1111 1111 1111 exp 12/29', memberCode: 'MB-123456', plan: 'Gold' },
    });
    expect(raw.stateSince).toBe(Date.parse('2026-12-02T01:00:00.000Z'));
    expect(raw.call?.inbound).toBe(true);
    expect(raw.call?.parties.map((party) => [party.initial, party.phoneNumber])).toEqual([[true, '+81312345678']]);
  });

  it('reads a call on hold from the customer leg, and the agent not muted', () => {
    const [contact] = contactsOf('voiceOnHold');
    if (contact === undefined) throw new Error('no contact');
    const raw = readRawContact(contact);
    expect(raw.state).toBe('connected');
    expect(raw.agentConnectionState).toBe('connected');
    expect(raw.call?.parties.map((party) => party.state)).toEqual(['hold']);
    expect(raw.call?.muted).toBe(false);
    const { view } = buildContactView(raw, { masker: createMaskingEngine(undefined), secureFields: [] }, Date.parse('2026-12-02T01:00:05.000Z'));
    expect(view.phase).toBe('on_hold');
  });

  it('reads a chat with no call, and a monitored call with no attributes (Streams gives none)', () => {
    const raws = contactsOf('chatAndMonitored').map(readRawContact);
    const chat = raws.find((raw) => raw.contactId === 'chat-1');
    const monitored = raws.find((raw) => raw.contactId === 'voice-2');
    expect(chat).toMatchObject({ type: 'chat', state: 'connected', call: null, callerNumber: null, attributes: { orderId: 'A-1001' } });
    expect(monitored?.attributes).toBeNull();
  });

  it('turns what Streams hands over into a card that shows no raw value', () => {
    const [contact] = contactsOf('voiceIncoming');
    if (contact === undefined) throw new Error('no contact');
    const { view } = buildContactView(
      readRawContact(contact),
      { masker: createMaskingEngine(undefined), secureFields: [] },
      Date.parse('2026-12-02T01:00:05.000Z'),
    );
    const shown = JSON.stringify(view);
    expect(shown).not.toContain('4111 1111 1111 1111');
    expect(shown).not.toContain('+81312345678');
    expect(view.phase).toBe('connecting');
    expect(view.attributes.find((attribute) => attribute.name === 'note')?.display).toContain('•••• 1111');
  });
});

describe('readAgentView on what Streams hands over', () => {
  it("reads the agent's name, login, routing profile, state and the states an agent may pick", () => {
    deliverSnapshot(api, 'voiceIncoming');
    const view = readAgentView(new api.Agent(), false);
    expect(view).toMatchObject({ name: 'Ada Agent', username: 'ada', state: { name: 'PendingBusy', type: 'system' }, muted: false });
    expect(view.routingProfile).toBe('Basic Routing Profile');
    expect(view.permissions).toEqual(['outboundCall', 'voiceContactAccess', 'chatContactAccess']);
    expect(view.selectableStates.map((state) => state.name)).toEqual(['Available', 'Offline', 'Lunch', 'Training']);
    expect(typeof view.stateSince).toBe('number');
  });
});

describe('the contact feed on real Streams', () => {
  it('publishes masked cards for each snapshot Streams delivers, audits each fact once, and stops when disposed', async () => {
    const { startContactFeed } = await import('../../../src/connect/contactFeed.ts');
    const published: string[][] = [];
    const audited: string[] = [];
    // A pattern that throws in the detector: every attribute fails closed, and is audited once per contact.
    const masker = createMaskingEngine({ patterns: [{ name: 'broken', regex: '(' }] });
    const feed = startContactFeed(
      api,
      { masker, secureFields: [] },
      {
        contacts: (views) => published.push(views.map((view) => `${view.contactId}:${view.phase}`)),
        audit: (event) => audited.push(`${event.type}:${String(Reflect.get(event.details, 'attributeName'))}`),
      },
    );
    deliverSnapshot(api, 'voiceIncoming');
    deliverSnapshot(api, 'voiceOnHold');
    expect(published.slice(-2)).toEqual([['voice-1:connecting'], ['voice-1:on_hold']]);
    expect(audited.filter((entry) => entry === 'masking.failed_closed:note')).toHaveLength(1);
    expect(feed.findContact('voice-1')?.getContactId()).toBe('voice-1');
    const count = published.length;
    feed.dispose();
    deliverSnapshot(api, 'chatAndMonitored');
    expect(published).toHaveLength(count);
    expect(feed.findContact('voice-1')).toBeNull();
  });
});
