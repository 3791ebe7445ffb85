/** The longest header line read for a table's columns. */
const MAX_HEADER = 512;

/** Per column index of a comma- or tab-separated table, whether its header names the kind asked about. */
export interface TableColumns {
  separator: string;
  columns: boolean[];
}

/**
 * The columns of a comma- or tab-separated text whose header (its first line) names what
 * `names(field)` asks about (`acct_id,email,phone,dob`, `account_type,account_number,routing_number`):
 * a value in such a column is of that kind though the header is lines away. Null when the text is
 * no such table.
 */
export function namedColumns(text: string, names: (field: string) => boolean): TableColumns | null {
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0 || lineEnd > MAX_HEADER) return null;
  const header = text.slice(0, lineEnd).replace(/\r$/, '');
  const separator = header.includes('\t') ? '\t' : ',';
  const fields = header.split(separator);
  if (fields.length < 2) return null;
  // A header names its columns: short labels, none a number ("生年月日:④, 52409" is a note).
  if (!fields.every((field) => field.length <= 40 && !/[0-9]{2}/.test(field))) return null;
  const columns = fields.map((field) => names(field.trim().replace(/^"|"$/g, '')));
  return columns.some(Boolean) ? { separator, columns } : null;
}

/**
 * The column `start` lies in when its line is a row of the table (below the header, with as many
 * fields); -1 otherwise (`次回予約 2025-01-05` under a one-line note with a comma is no row).
 */
export function columnOf(text: string, table: TableColumns, start: number): number {
  const line = rowAround(text, start);
  if (line === null) return -1;
  let column = -1;
  let separators = 0;
  for (let i = line.start; i < line.end; i++) {
    if (i === start) column = separators;
    if (text[i] === table.separator) separators++;
  }
  return separators === table.columns.length - 1 ? column : -1;
}

/**
 * The line around `at` when it is below the first and no longer than a header may be; null
 * otherwise. Read at most `MAX_HEADER` characters each way, so a value on a long line costs no
 * more than one on a row (a 32 KB line of dates would otherwise be read once per date).
 */
export function rowAround(text: string, at: number): { start: number; end: number } | null {
  let start = at;
  while (start > 0 && at - start <= MAX_HEADER && text.charCodeAt(start - 1) !== 0x0a) start--;
  if (start === 0 || at - start > MAX_HEADER) return null;
  let end = at;
  while (end < text.length && end - start <= MAX_HEADER && text.charCodeAt(end) !== 0x0a) end++;
  return end - start > MAX_HEADER ? null : { start, end };
}
