/**
 * Labels that say the number right after them is something else than a person's number: a parcel's
 * tracking number, a device's serial, an order or an invoice (`製造番号：0312845907`, `S/N:
 * 08047731925`, `伝票番号 5255-2533-4460`, `整理番号：03-2405-0117`, `RMA number is
 * 312-948-2270`). Such numbers may pass a phone number's or a My Number's
 * checks by chance (a Yamato number is 4-4-4 and one in eleven passes the check digit).
 */
const OTHER_NUMBER_LABEL =
  /(?:serial(?: no| number| #)?|s\/n|製造番号|シリアル(?:番号)?|tracking(?: no| number| #)?|waybill|imei|iccid|order(?: no| number| #)?|invoice(?: no| number| #)?|伝票番号|追跡番号|お問い合わせ番号|問い合わせ番号|問合せ番号|注文番号|受付番号|管理番号|整理番号|予約番号|契約番号|証券番号|保険者番号|型番|品番|rma(?: no| number| #)?|software(?: version)?|firmware(?: version)?)(?: is)?$/;
/** A parcel's labels only: its tracking number may be printed 4-4-4, as a My Number is. */
const PARCEL_LABEL = /(?:tracking(?: no| number| #)?|waybill|伝票番号|追跡番号|お問い合わせ番号|問い合わせ番号|問合せ番号)$/;
/** Separators between a label and its number: spaces, colons, `#`, `=`, `.`, quotes. */
function isSeparator(char: string): boolean {
  return ' \t:：#=."\'「'.includes(char);
}
/** The longest label and its separators. */
const LOOK_BEHIND = 24;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * True when the number starting at `start` of `text` sits right after a label that names it another
 * number; `parcelOnly` asks for a parcel's labels only (a My Number is hidden after any other: an
 * order label glued to one is not enough to show it).
 */
export function labelledAsOtherNumber(text: string, start: number, parcelOnly = false): boolean {
  let end = start;
  while (end > 0 && start - end < LOOK_BEHIND && isSeparator(text.charAt(end - 1))) end--;
  const from = Math.max(0, end - LOOK_BEHIND);
  const match = (parcelOnly ? PARCEL_LABEL : OTHER_NUMBER_LABEL).exec(text.slice(from, end).toLowerCase());
  if (match === null) return false;
  // A word glued before the label makes it another word ("reorder", "disorder").
  const at = end - match[0].length;
  return at === 0 || !isAsciiLetter(text.charCodeAt(at - 1));
}
