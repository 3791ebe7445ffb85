/**
 * Card numbers payment processors publish for testing (Stripe's and Adyen's test-card pages,
 * which every integrator copies into their test data), in every brand and length they list.
 * Written down here by hand from those pages; `heldOutCorpus.ts` checks each passes Luhn.
 */
export const PUBLISHED_TEST_CARDS: ReadonlyArray<{ brand: string; number: string }> = [
  { brand: 'visa', number: '4242424242424242' },
  { brand: 'visa', number: '4000056655665556' },
  { brand: 'visa', number: '4111111111111111' },
  { brand: 'visa', number: '4012888888881881' },
  { brand: 'visa', number: '4111111145551142' },
  { brand: 'visa (19)', number: '4000000000000000006' },
  { brand: 'mastercard', number: '5555555555554444' },
  { brand: 'mastercard (2-series)', number: '2223003122003222' },
  { brand: 'mastercard debit', number: '5200828282828210' },
  { brand: 'mastercard prepaid', number: '5105105105105100' },
  { brand: 'amex', number: '378282246310005' },
  { brand: 'amex', number: '371449635398431' },
  { brand: 'amex', number: '370000000000002' },
  { brand: 'discover', number: '6011111111111117' },
  { brand: 'discover', number: '6011000990139424' },
  { brand: 'discover debit', number: '6011981111111113' },
  { brand: 'diners', number: '3056930009020004' },
  { brand: 'diners (14)', number: '36227206271667' },
  { brand: 'diners (14)', number: '36006666333344' },
  { brand: 'jcb', number: '3566002020360505' },
  { brand: 'jcb', number: '3569990010095841' },
  { brand: 'unionpay', number: '6200000000000005' },
  { brand: 'unionpay (19)', number: '6205500000000000004' },
  { brand: 'maestro', number: '6771798021000008' },
];
