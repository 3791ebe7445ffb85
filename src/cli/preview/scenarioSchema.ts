/**
 * The JSON Schema of a preview scenario (draft-07, checked with ajv's `discriminator` keyword so
 * that a step's errors are those of its own `type`, not of every branch of the union).
 */
const CONTACT_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

const contactRef = { type: 'string', pattern: CONTACT_ID_PATTERN, description: 'The `id` of a contact started by an earlier `contact` step.' };
const nonEmpty = { type: 'string', minLength: 1, maxLength: 1000 };
const attributeName = { type: 'string', minLength: 1, maxLength: 128 };

function step(type: string, description: string, properties: Record<string, unknown>, required: string[]): Record<string, unknown> {
  return {
    type: 'object',
    description,
    additionalProperties: false,
    required: ['type', ...required],
    properties: { type: { const: type }, ...properties },
  };
}

export const STEP_SCHEMAS = {
  contact: step(
    'contact',
    'A contact arrives and rings.',
    {
      id: { type: 'string', pattern: CONTACT_ID_PATTERN },
      channel: { enum: ['voice', 'chat'] },
      caller: { type: 'string', minLength: 1, maxLength: 64 },
      customerName: { type: 'string', minLength: 1, maxLength: 256 },
      queue: { type: 'string', minLength: 1, maxLength: 256 },
      attributes: { type: 'object', propertyNames: attributeName, additionalProperties: { type: 'string', maxLength: 32_768 } },
    },
    ['id', 'channel'],
  ),
  attributes: step(
    'attributes',
    'The flow updates attributes mid-contact; null removes one.',
    {
      contact: contactRef,
      attributes: {
        type: 'object',
        minProperties: 1,
        propertyNames: attributeName,
        additionalProperties: { type: ['string', 'null'], maxLength: 32_768 },
      },
    },
    ['contact', 'attributes'],
  ),
  accept: step('accept', 'The agent accepts the ringing contact.', { contact: contactRef }, ['contact']),
  chat: step(
    'chat',
    'The customer sends a chat message.',
    { contact: contactRef, text: { type: 'string', minLength: 1, maxLength: 8192 }, contentType: { enum: ['text/plain', 'text/markdown'] } },
    ['contact', 'text'],
  ),
  typing: step('typing', 'The customer is typing in the chat.', { contact: contactRef }, ['contact']),
  attachment: step(
    'attachment',
    'The customer sends a file in the chat.',
    {
      contact: contactRef,
      name: { type: 'string', minLength: 1, maxLength: 255 },
      contentType: { type: 'string', minLength: 1, maxLength: 100 },
      text: { type: 'string', maxLength: 65536 },
    },
    ['contact', 'name'],
  ),
  reveal: step('reveal', 'A supervisor reveals one attribute with a reason.', { contact: contactRef, attribute: attributeName, reason: nonEmpty }, [
    'contact',
    'attribute',
    'reason',
  ]),
  end: step('end', 'The customer hangs up or leaves the chat.', { contact: contactRef }, ['contact']),
  hangUp: step('hangUp', 'The agent hangs up or ends the chat.', { contact: contactRef }, ['contact']),
  clear: step('clear', 'The agent closes the contact after after-contact work.', { contact: contactRef }, ['contact']),
  reject: step('reject', 'The agent rejects the ringing contact.', { contact: contactRef }, ['contact']),
  hold: step('hold', 'The agent puts the call on hold.', { contact: contactRef }, ['contact']),
  resume: step('resume', 'The agent takes the call off hold.', { contact: contactRef }, ['contact']),
  mute: step('mute', "The agent mutes the microphone from the call's card.", { contact: contactRef }, ['contact']),
  unmute: step('unmute', "The agent unmutes the microphone from the call's card.", { contact: contactRef }, ['contact']),
  keypad: step(
    'keypad',
    "The agent presses keys on the call's number pad (DTMF).",
    { contact: contactRef, digits: { type: 'string', pattern: '^[0-9*#]{1,64}$', description: '0-9, * and #, pressed in order.' } },
    ['contact', 'digits'],
  ),
  transfer: step(
    'transfer',
    'The agent adds a party to the call: a quick connect by name, or a typed number checked against the dialing rules.',
    { contact: contactRef, to: { type: 'string', minLength: 1, maxLength: 256 } },
    ['contact', 'to'],
  ),
  dial: step(
    'dial',
    'The agent calls a typed number from the New call box; the dialing rules check it first.',
    { number: { type: 'string', minLength: 1, maxLength: 64 } },
    ['number'],
  ),
  agentState: step('agentState', "The agent picks a state in the shell's selector.", { state: { type: 'string', minLength: 1, maxLength: 128 } }, ['state']),
} as const;

export const scenarioSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://connect-shield.example/schemas/preview-scenario.json',
  title: 'Connect Shield preview scenario',
  type: 'object',
  additionalProperties: false,
  required: ['agent', 'steps'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', maxLength: 256 },
    description: { type: 'string', maxLength: 4096 },
    agent: {
      type: 'object',
      additionalProperties: false,
      required: ['username', 'name'],
      properties: {
        username: { type: 'string', minLength: 1, maxLength: 128 },
        name: { type: 'string', minLength: 1, maxLength: 256 },
        routingProfile: { type: 'string', minLength: 1, maxLength: 256 },
        permissions: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 256 } },
      },
    },
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: Object.keys(STEP_SCHEMAS) } },
        discriminator: { propertyName: 'type' },
        oneOf: Object.values(STEP_SCHEMAS),
      },
    },
  },
} as const;
