import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../src/cli/preview/parseScenarioText.ts';
import { validateScenario, type ScenarioError } from '../../../src/cli/preview/validateScenario.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const agent = { username: 'tanaka.agent', name: 'Tanaka Yui' };
const call = { type: 'contact', id: 'call-1', channel: 'voice', attributes: { cardNumber: '4111 1111 1111 1111' } };

function errorsOf(document: unknown): ScenarioError[] {
  const result = validateScenario(document);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

describe('preview scenario validation', () => {
  it.each(['payment-call.json', 'supervisor-reveal.json', 'call-controls.json', 'caller-risk.json'])('accepts the example %s', (name) => {
    const result = parseScenarioText(readFileSync(`${repo}examples/scenarios/${name}`, 'utf8'));
    expect(result.ok).toBe(true);
  });

  it('accepts every step type', () => {
    const result = validateScenario({
      agent: { ...agent, routingProfile: 'Payments JP', permissions: ['ContactSearch.View'] },
      steps: [
        call,
        { type: 'contact', id: 'chat-1', channel: 'chat', customerName: 'Hanako' },
        { type: 'accept', contact: 'call-1' },
        { type: 'attributes', contact: 'call-1', attributes: { orderId: 'ORD-1', cardNumber: null } },
        { type: 'chat', contact: 'chat-1', text: 'hi', contentType: 'text/markdown' },
        { type: 'reveal', contact: 'call-1', attribute: 'ssn', reason: 'verification' },
        { type: 'hangUp', contact: 'call-1' },
        { type: 'end', contact: 'chat-1' },
        { type: 'clear', contact: 'call-1' },
        { type: 'agentState', state: 'Lunch' },
        { type: 'hold', contact: 'call-1' },
        { type: 'resume', contact: 'call-1' },
        { type: 'mute', contact: 'call-1' },
        { type: 'unmute', contact: 'call-1' },
        { type: 'keypad', contact: 'call-1', digits: '0123456789*#' },
        { type: 'transfer', contact: 'call-1', to: 'IT helpdesk' },
        { type: 'reject', contact: 'chat-1' },
        { type: 'dial', number: '+81 3 1234 5678' },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses call controls on a chat and keys a number pad does not have', () => {
    const chat = { type: 'contact', id: 'chat-1', channel: 'chat' };
    expect(errorsOf({ agent, steps: [chat, { type: 'hold', contact: 'chat-1' }, { type: 'keypad', contact: 'chat-1', digits: '12a' }] })).toEqual([
      { pointer: '/steps/2/digits', message: 'Keypad digits are 1 to 64 of 0-9, "*" and "#".' },
    ]);
    expect(errorsOf({ agent, steps: [chat, { type: 'hold', contact: 'chat-1' }, { type: 'transfer', contact: 'chat-1', to: 'IT helpdesk' }] })).toEqual([
      { pointer: '/steps/1/contact', message: 'Contact "chat-1" is a chat (/steps/0); "hold" is a call control and needs a voice contact.' },
      { pointer: '/steps/2/contact', message: 'Contact "chat-1" is a chat (/steps/0); "transfer" is a call control and needs a voice contact.' },
    ]);
    expect(errorsOf({ agent, steps: [{ type: 'dial' }] })).toEqual([{ pointer: '/steps/0/number', message: '"number" is required in a step of type "dial".' }]);
  });

  it('names a missing agent field by its pointer', () => {
    expect(errorsOf({ agent: { username: 'a' }, steps: [call] })).toEqual([{ pointer: '/agent/name', message: '"name" is required in /agent.' }]);
  });

  it('suggests the step type that was meant', () => {
    expect(errorsOf({ agent, steps: [{ ...call, type: 'contct' }] })).toEqual([
      {
        pointer: '/steps/0/type',
        message:
          '"contct" is not a step type; use one of "contact", "attributes", "accept", "chat", "typing", "attachment", "reveal", "end", "hangUp", "clear", "reject", "hold", "resume", "mute", "unmute", "keypad", "transfer", "dial", "agentState". Did you mean "contact"?',
      },
    ]);
  });

  it('reports a step without a type once', () => {
    expect(errorsOf({ agent, steps: [call, { contact: 'call-1' }] })).toEqual([{ pointer: '/steps/1/type', message: '"type" is required in every step.' }]);
  });

  it("checks each step against its own type's fields", () => {
    expect(errorsOf({ agent, steps: [call, { type: 'accept' }, { type: 'reveal', contact: 'call-1', attribute: 'ssn', reason: '' }] })).toEqual([
      { pointer: '/steps/1/contact', message: '"contact" is required in a step of type "accept".' },
      { pointer: '/steps/2/reason', message: 'Must not be empty.' },
    ]);
  });

  it('names an unknown key and the key it resembles', () => {
    expect(errorsOf({ agent, steps: [{ ...call, callr: '+15555550100' }] })).toEqual([
      { pointer: '/steps/0/callr', message: 'Unknown key "callr". Did you mean "caller"?' },
    ]);
  });

  it('refuses a non-string attribute value without quoting it', () => {
    const errors = errorsOf({ agent, steps: [{ ...call, attributes: { cardNumber: 4111111111111111 } }] });
    expect(errors).toEqual([{ pointer: '/steps/0/attributes/cardNumber', message: 'Expected a string but found a number.' }]);
  });

  it('requires a contact to be started before a step refers to it', () => {
    expect(errorsOf({ agent, steps: [{ type: 'accept', contact: 'call-1' }, call] })).toEqual([
      { pointer: '/steps/0/contact', message: 'No earlier "contact" step starts contact "call-1"; add one before this step, or fix the id.' },
    ]);
  });

  it('refuses a duplicate contact id and a chat message to a voice call', () => {
    expect(errorsOf({ agent, steps: [call, { ...call }, { type: 'chat', contact: 'call-1', text: 'my card is 4111 1111 1111 1111' }] })).toEqual([
      { pointer: '/steps/1/id', message: 'Contact "call-1" was already started by /steps/0; give each contact its own id.' },
      { pointer: '/steps/2/contact', message: 'Contact "call-1" is a voice call (/steps/0); "chat" needs a chat contact.' },
    ]);
  });

  it('refuses contact ids that could not be used as a Connect contact id', () => {
    expect(errorsOf({ agent, steps: [{ ...call, id: 'a b"' }] })).toEqual([
      { pointer: '/steps/0/id', message: 'Must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.' },
    ]);
  });

  it('needs at least one step', () => {
    expect(errorsOf({ agent, steps: [] })).toEqual([{ pointer: '/steps', message: 'Needs at least 1 entry.' }]);
  });

  it('locates a JSON syntax error without quoting the document', () => {
    const result = parseScenarioText('{"agent": {"username": "a", "name": "A"},\n "steps": [{"type": "chat", "text": "4111 1111 1111 1111"}}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.pointer).toBe('');
    expect(result.errors[0]?.message).toMatch(/^The file is not valid JSON at line 2, column \d+/);
    expect(result.errors[0]?.message).not.toContain('4111');
  });

  it('says so when the file is empty or not an object', () => {
    expect(parseScenarioText('  \n')).toEqual({
      ok: false,
      errors: [{ pointer: '', message: 'The file is empty; a scenario is a JSON object with "agent" and "steps".' }],
    });
    expect(errorsOf([])).toEqual([{ pointer: '', message: 'A scenario must be a JSON object with "agent" and "steps".' }]);
  });

  it('never repeats attribute values or message text in its errors', () => {
    const secret = '4111 1111 1111 1111';
    const errors = errorsOf({
      agent,
      steps: [
        { ...call, channel: secret, attributes: { [secret]: secret } },
        { type: 'chat', contact: 'nope', text: secret, contentType: secret },
      ],
    });
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toContain('4111');
  });
});
