import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENT_STATE_MESSAGE_KEYS } from '../../../src/core/agent/agentStateLabel.ts';

const load = (lang: string) => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('call-control messages', () => {
  it('exist in English and Japanese for every key built at run time', () => {
    const keys = [
      ...AGENT_STATE_MESSAGE_KEYS,
      ...['empty', 'invalid', 'needs_country_code', 'country_not_allowed', 'premium_rate', 'shared_cost'].map((reason) => `dialRefused_${reason}`),
      ...['contact', 'hold', 'after_contact_work', 'ringing'].map((kind) => `timer_${kind}`),
      ...['connecting', 'connected', 'hold'].map((state) => `partyState_${state}`),
      ...['agent', 'queue', 'phone_number'].map((type) => `quickConnect_${type}`),
      ...['commandAccept', 'commandHangUp', 'commandHold', 'commandMute'],
    ];
    for (const lang of ['en', 'ja']) {
      const messages = load(lang);
      for (const key of keys) expect(messages[key]?.message, `${lang} ${key}`).toBeTruthy();
    }
    // Real Japanese, not English copied over.
    expect(load('ja').agentState_PendingBusy?.message).not.toBe(load('en').agentState_PendingBusy?.message);
  });
});
