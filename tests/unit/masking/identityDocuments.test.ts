import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

/**
 * Passport, driving-licence and residence-card numbers under their label: what a caller reads out
 * to prove who they are. The label decides (the shapes alone are any reference), the value must
 * hold digits, and what follows the label that is not such a number (a year, a word) stays.
 */
describe('identity document numbers', () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it.each([
    ['passport no. 548120937 (US), exp 2031', 'passport no. •••• 0937 (US), exp 2031'],
    ['UK passport number 502771834 - issued 2019', 'UK passport number •••• 1834 - issued 2019'],
    ['旅券番号 TR4827193', '旅券番号 •••• 7193'],
    ['パスポート番号はMZ0938214です', 'パスポート番号は•••• 8214です'],
    ['NY DL# 492 817 305', 'NY DL# •••• 7305'],
    ['CA DL B7294561', 'CA DL •••• 4561'],
    ['driving licence no: MORGA753116SM9IJ', 'driving licence no: •••• M9IJ'],
    ["driver's license number D1234567 on file", "driver's license number •••• 4567 on file"],
    ['免許証番号：５３１９０４６２７８１０', '免許証番号：•••• 7810'],
    ['運転免許証番号 第301812345670号', '運転免許証番号 第•••• 5670号'],
    ['在留カード番号 AB12345678CD', '在留カード番号 •••• 78CD'],
    ['Passport: 1234567', `Passport: ${FULL_MASK}`],
    // From the third independent corpus: a Florida licence in its printed groups, a passport read digit by digit.
    ['FL DL S530-472-81-234-0, vehicle reg on file', 'FL DL •••• 2340, vehicle reg on file'],
    ['passport number 5 4 2 1 9 0 3 7 6', 'passport number •••• 0376'],
    // From the fourth independent corpus: a state before the number, 免許証の番号, 第 and a space.
    ['DL: NY 724 118 903  DOB 11/02/1968', `DL: NY •••• 8903  DOB ${FULL_MASK}`],
    ['免許証の番号は 451208336901 です', '免許証の番号は •••• 6901 です'],
    ['運転免許証：第 3018 4627 9150 号', '運転免許証：第 •••• 9150 号'],
    // From the fifth independent corpus: の番号, a dash before the state, a German identity card, a health insurance card.
    ['在留カードの番号はＵＨ４８１２０９３７ＥＮです', '在留カードの番号は•••• 37ENです'],
    ['Verified via DL – CA D4829173, then the late fee', 'Verified via DL – CA •••• 9173, then the late fee'],
    ['German Personalausweis no. L01X00T47, valid to 2030.', 'German Personalausweis no. •••• 0T47, valid to 2030.'],
    ['健康保険証　記号・番号：４７１２０３・２２（本人）', '健康保険証　記号・番号：•••• 0322（本人）'],
    // From the sixth: （第…号）, a passport card, a residence card in groups, a USCIS A-number, a UK licence's own shape.
    ['本人確認書類：運転免許証（第306812345670号、ブルー）', '本人確認書類：運転免許証（第•••• 5670号、ブルー）'],
    ['Passport card number C03817264 — customer', 'Passport card number •••• 7264 — customer'],
    ['在留カードの番号は UH 8214 6037 EN です。', '在留カードの番号は •••• 37EN です。'],
    ['Permanent resident card, USCIS # A204918377, on file', 'Permanent resident card, USCIS # •••• 8377, on file'],
    ['photocard licence, licence number PATEL810283AK9WX, valid to 2031.', 'photocard licence, licence number •••• K9WX, valid to 2031.'],
  ])('%s → %s', (text, shown) => {
    expect(engine.maskText(text).display).toBe(shown);
  });

  it.each([
    'passport renewal 2031',
    // "license number" alone names software licences too: only a UK licence's own shape counts after it.
    'license number 493 827 115 for Office',
    'passport expired in 2019, cx will renew',
    'DL 2 files from the portal',
    'driving licence check pending',
    'パスポートの写しを送付済み',
    '免許証番号をお知らせください',
    'passport photo 35x45mm',
    'DL speed 100 Mbps',
  ])('finds no document number in %s', (text) => {
    expect(engine.maskText(text).findings.filter((f) => f.kind === 'idDocument')).toEqual([]);
  });

  it('is the organisation’s to switch off', () => {
    const off = createMaskingEngine({ detectors: { idDocument: false } }, { locale: 'en-US' });
    expect(off.maskText('passport no. 548120937').display).toBe('passport no. 548120937');
  });
});
