import { describe, expect, it } from 'vitest';
import { chatThreadsReducer } from '../../../src/core/chat/chatThreads.ts';
import type { ChatMessageView } from '../../../src/core/chat/ChatMessageView.ts';
import { createMessageRuns, MAX_RUN } from '../../../src/core/chat/messageRuns.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
const message = (Id: string, Content: string, ParticipantRole = 'CUSTOMER', ContentType = 'text/plain') => ({
  Id,
  Type: 'MESSAGE',
  ContentType,
  Content,
  ParticipantRole,
});
const typing = { Id: 't', Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing', ParticipantRole: 'CUSTOMER' };
const attachment = { Id: 'a', Type: 'ATTACHMENT', ParticipantRole: 'CUSTOMER', Attachments: [] };

describe('messages in a row read together', () => {
  it('masks a card over three messages in all three, through a typing event, and revises the earlier ones', () => {
    const runs = createMessageRuns();
    expect(runs.add(message('1', 'card 4111 1111'), engine)).toEqual({ content: null, revisions: [] });
    expect(runs.add(typing, engine)).toEqual({ content: null, revisions: [] });
    runs.add(message('2', '1111'), engine);
    const third = runs.add(message('3', '1111 please', 'CUSTOMER', 'text/markdown'), engine);
    expect(third.content).toBe('•••••••• please');
    // The second message already revised the first (12 digits read as a My Number); the third makes it a card.
    expect(third.revisions.map((revision) => [revision.item.Id, revision.content])).toEqual([
      ['1', 'card ••••••••'],
      ['2', '••••••••'],
    ]);
  });

  it('does not join across another role or a shown item', () => {
    const runs = createMessageRuns();
    runs.add(message('1', '4111 1111'), engine);
    expect(runs.add(message('2', '1111 1111', 'AGENT'), engine)).toEqual({ content: null, revisions: [] });
    runs.add(message('3', '4111 1111'), engine);
    runs.add(attachment, engine);
    expect(runs.add(message('4', '1111 1111'), engine)).toEqual({ content: null, revisions: [] });
  });

  it('still joins across the seam of a full run, and never unmasks a carried message', () => {
    const runs = createMessageRuns();
    for (let index = 0; index < MAX_RUN - 1; index++) runs.add(message(`f${index}`, 'hello'), engine);
    runs.add(message('a', '4111 1111'), engine);
    const next = runs.add(message('b', '1111 1111'), engine);
    expect(next.content).toBe('•••• 1111');
    expect(next.revisions.map((revision) => revision.item.Id)).toEqual(['a']);
  });

  it('replaces a revised entry in the thread and ignores one no longer kept', () => {
    const entry = (id: string, text: string): ChatMessageView => ({ id, contactId: 'c', role: 'customer', displayName: '', text, at: 1, kind: 'text' });
    const threads = chatThreadsReducer({}, { type: 'entries', contactId: 'c', entries: [entry('1', '4111 1111')] });
    const revised = chatThreadsReducer(threads, { type: 'revise', contactId: 'c', entries: [entry('1', '••••••••'), entry('gone', 'x')] });
    expect(revised.c?.entries.map((kept) => kept.text)).toEqual(['••••••••']);
    expect(chatThreadsReducer(threads, { type: 'revise', contactId: 'other', entries: [entry('1', '')] })).toBe(threads);
  });
});
