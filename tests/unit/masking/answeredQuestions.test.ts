import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

/**
 * A dialogue written line by line (a transcript, a note): the question on one line is the label of
 * the answer on the next. From the third independent corpus (2026-12-06), where eleven such answers
 * were shown.
 */
describe('answers on the line after the question', () => {
  const fixedNow = (): Date => new Date('2026-12-01T00:00:00.000Z');
  const engine = createMaskingEngine(undefined, { locale: 'en-US', now: fixedNow });

  it.each([
    [
      "CUSTOMER: okay it's 5425 8991 4076 7402\nAGENT: thank you, and the expiry date?\nCUSTOMER: 11 26\nAGENT: and the three digit security code on the back\nCUSTOMER: 0 7 3",
      `CUSTOMER: okay it's •••• 7402\nAGENT: thank you, and the expiry date?\nCUSTOMER: ${FULL_MASK}\nAGENT: and the three digit security code on the back\nCUSTOMER: ${FULL_MASK}`,
    ],
    [
      'AGENT: can I take the long number please\nCUSTOMER: 2720 3349 2319 6644\nAGENT: thank you. expiry?\nCUSTOMER: oh sorry 09 28\nAGENT: no problem',
      `AGENT: can I take the long number please\nCUSTOMER: •••• 6644\nAGENT: thank you. expiry?\nCUSTOMER: oh sorry ${FULL_MASK}\nAGENT: no problem`,
    ],
    [
      "CUSTOMER: it's an amex so it's 3782 6304 7501 885\nAGENT: and the four digit code on the front?\nCUSTOMER: 2291",
      `CUSTOMER: it's an amex so it's •••• 1885\nAGENT: and the four digit code on the front?\nCUSTOMER: ${FULL_MASK}`,
    ],
    [
      "AGENT: I've sent a six digit code to your mobile ending 74\nCUSTOMER: 2 0 4 8 1 9",
      `AGENT: I've sent a six digit code to your mobile ending 74\nCUSTOMER: ${FULL_MASK}`,
    ],
    ['AGENT: and your passport number\nCUSTOMER: 5 4 2 1 9 0 3 7 6', 'AGENT: and your passport number\nCUSTOMER: •••• 0376'],
    [
      'AGENT: can you confirm your date of birth for me\nCUSTOMER: yeah 06/03/1968\nAGENT: lovely thank you',
      `AGENT: can you confirm your date of birth for me\nCUSTOMER: yeah ${FULL_MASK}\nAGENT: lovely thank you`,
    ],
    [
      'お客様：えっと、3528 8642 7922 7082 です\nオペレーター：ありがとうございます。有効期限をお願いいたします。\nお客様：26年11月です',
      `お客様：えっと、•••• 7082 です\nオペレーター：ありがとうございます。有効期限をお願いいたします。\nお客様：${FULL_MASK}です`,
    ],
    // One line asking two things, answered in one line (from the third independent corpus).
    [
      'オペレーター：カードの有効期限と、裏面のセキュリティコード３桁をお願いします\nお客様：期限が２８年の２月で、コードが７４１です',
      `オペレーター：カードの有効期限と、裏面のセキュリティコード３桁をお願いします\nお客様：期限が${FULL_MASK}で、コードが${FULL_MASK}です`,
    ],
    // Time stamps before the speaker, a question that goes on past its word (from the fourth independent corpus).
    [
      '[14:21:40] Agent: Thanks, and the expiry date please?\n[14:21:52] Customer: 11/26',
      `[14:21:40] Agent: Thanks, and the expiry date please?\n[14:21:52] Customer: ${FULL_MASK}`,
    ],
    [
      "Agent: I've just texted a 6-digit code to the phone ending 2274, can you read it back?\nCustomer: 739 204",
      `Agent: I've just texted a 6-digit code to the phone ending 2274, can you read it back?\nCustomer: ${FULL_MASK}`,
    ],
    ['オペレーター：ありがとうございます。有効期限は？\nお客様：2028年3月です', `オペレーター：ありがとうございます。有効期限は？\nお客様：${FULL_MASK}です`],
    // Questions without the label's own word: the family of words that lets the text be read must hold them.
    ['AGENT: and the digits on the back?\nCUSTOMER: 123', `AGENT: and the digits on the back?\nCUSTOMER: ${FULL_MASK}`],
    ['AGENT: and the CID?\nCUSTOMER: 4821', `AGENT: and the CID?\nCUSTOMER: ${FULL_MASK}`],
    ['オペレーター：カードの期限をお願いします\nお客様：12/27です', `オペレーター：カードの期限をお願いします\nお客様：${FULL_MASK}です`],
    ['オペレーター：裏面の3桁をお願いします\nお客様：７３７', `オペレーター：裏面の3桁をお願いします\nお客様：${FULL_MASK}`],
    [
      'オペレーター：運転免許証の番号をお願いします\nお客様：えっと、４５０８　２３６１　９４７０です',
      'オペレーター：運転免許証の番号をお願いします\nお客様：えっと、•••• 9470です',
    ],
    // Two questions, both answered in a row (from the fifth independent corpus).
    [
      'Agent: For the card ending 2129, please confirm the expiry date and security code.\nCustomer: 07/27 and 318',
      `Agent: For the card ending 2129, please confirm the expiry date and security code.\nCustomer: ${FULL_MASK} and ${FULL_MASK}`,
    ],
    ['AGENT: expiry and CVV please\nCUSTOMER: 0727, 318', `AGENT: expiry and CVV please\nCUSTOMER: ${FULL_MASK}, ${FULL_MASK}`],
    // A bank account asked for, and an answer after a false start or a length (the sixth independent corpus).
    ['AGENT: and your account number?\nCUSTOMER: sure, 4839201755', 'AGENT: and your account number?\nCUSTOMER: sure, •••• 1755'],
    ['オペレーター：口座番号をお願いします。\nお客様：7桁で、5502841です。', `オペレーター：口座番号をお願いします。\nお客様：7桁で、${FULL_MASK}です。`],
    [
      'オペレーター：カードの有効期限を月、年の順でお願いします。\nお客様：にじゅう…じゃなくて、08の28です。',
      `オペレーター：カードの有効期限を月、年の順でお願いします。\nお客様：にじゅう…じゃなくて、${FULL_MASK}です。`,
    ],
  ])('%j', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it('raises the incident for a code given so, without its value', () => {
    const { auditEvents } = engine.maskText('AGENT: and the CVV?\nCUSTOMER: 737', 'chat');
    expect(auditEvents).toEqual([{ type: 'masking.sensitive_auth_data', at: '2026-12-01T00:00:00.000Z', details: { source: 'chat', kind: 'securityCode' } }]);
  });

  it.each([
    // Not the line right after, an answer that is no such value, a long line, a question with its own number.
    'AGENT: and the expiry date?\nCUSTOMER: hold on\nCUSTOMER: 11 26',
    'AGENT: what is your date of birth?\nCUSTOMER: I would rather not, my order is 12345',
    'AGENT: and the security code?\nCUSTOMER: sorry I have to go, I will call back tomorrow at 10 30 or maybe later in the afternoon after 4',
    'AGENT: the expiry 12/27 is on file\nCUSTOMER: 10 30',
    'AGENT: how many passports?\nCUSTOMER: 2',
    'AGENT: is the PIN working?\nCUSTOMER: no, since 2024',
    // The part after "and" is read as what was asked, and a zip code is neither.
    'AGENT: the expiry date and security code?\nCUSTOMER: not now, and my zip is 94105',
  ])('leaves %j as written', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('reads the answer in the chat message after the question, and raises the incident for a code', () => {
    const { displays, auditEvents } = engine.maskAdjacentTexts(
      ['my card is 5425 8991 4076 7402', 'thank you, and the expiry date?', '11 26', 'and the three digit security code on the back', '0 7 3', 'thanks'],
      'chat',
    );
    expect(displays).toEqual([
      'my card is •••• 7402',
      'thank you, and the expiry date?',
      FULL_MASK,
      'and the three digit security code on the back',
      FULL_MASK,
      'thanks',
    ]);
    expect(auditEvents.map((event) => event.details)).toEqual([{ source: 'chat', kind: 'securityCode' }]);
    expect(engine.maskAdjacentTexts(['the expiry date and security code?', '07/27 and 318'], 'chat').displays).toEqual([
      'the expiry date and security code?',
      `${FULL_MASK} and ${FULL_MASK}`,
    ]);
    expect(engine.maskAdjacentTexts(['生年月日をお願いします', '１９８５年４月１２日です'], 'chat').displays).toEqual([
      '生年月日をお願いします',
      `${FULL_MASK}です`,
    ]);
    // Not after a message that asks nothing, nor an answer that is no such value.
    expect(engine.maskAdjacentTexts(['how many nights?', '11 26'], 'chat').displays).toEqual(['how many nights?', '11 26']);
    expect(
      engine.maskAdjacentTexts(
        ['and the expiry date?', 'let me check, I will call you back around 10 30 tomorrow morning if that works for you, sorry'],
        'chat',
      ).displays[1],
    ).toBe('let me check, I will call you back around 10 30 tomorrow morning if that works for you, sorry');
  });
});
