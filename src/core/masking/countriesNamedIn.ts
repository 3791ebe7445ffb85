/**
 * The countries a text names, in English or Japanese ("relocated to Sydney, Australia", "ドイツの携帯"),
 * as ISO 3166 codes. A national number of such a country is read as that country's phone number
 * when written with its trunk 0 (`0412 783 519`, `0151 4428 7730`), though no candidate-country
 * source gives the country: the text itself says where the customer is.
 */
const COUNTRY_NAMES: ReadonlyArray<[code: string, names: readonly string[]]> = [
  ['AU', ['Australia', 'Australian', 'オーストラリア', '豪州']],
  ['NZ', ['New Zealand', 'ニュージーランド']],
  ['DE', ['Germany', 'German', 'Deutschland', 'ドイツ']],
  ['AT', ['Austria', 'オーストリア']],
  ['CH', ['Switzerland', 'Swiss', 'スイス']],
  ['FR', ['France', 'French', 'フランス']],
  ['BE', ['Belgium', 'ベルギー']],
  ['NL', ['Netherlands', 'Dutch', 'オランダ']],
  ['ES', ['Spain', 'スペイン']],
  ['IE', ['Ireland', 'Irish', 'アイルランド']],
  ['IN', ['India', 'インド']],
  ['KR', ['Korea', 'Korean', '韓国']],
  ['CN', ['China', 'Chinese', '中国']],
  ['TW', ['Taiwan', '台湾']],
  ['TH', ['Thailand', 'タイ王国']],
  ['PH', ['Philippines', 'フィリピン']],
  ['BR', ['Brazil', 'ブラジル']],
  ['ZA', ['South Africa', '南アフリカ']],
];

const CODE_OF = new Map<string, string>();
for (const [code, names] of COUNTRY_NAMES) for (const name of names) CODE_OF.set(name, code);
// Case-sensitive: a country's name is written with its capital ("german" in a word is another word).
const NAMED = new RegExp(`(?<![A-Za-z])(?:${[...CODE_OF.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z])`, 'g');

/** The ISO codes of the countries `text` names, each once, in order of first mention. */
export function countriesNamedIn(text: string): string[] {
  const found: string[] = [];
  NAMED.lastIndex = 0;
  for (let match = NAMED.exec(text); match !== null; match = NAMED.exec(text)) {
    const code = CODE_OF.get(match[0]);
    if (code !== undefined && !found.includes(code)) found.push(code);
  }
  return found;
}
