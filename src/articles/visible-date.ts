import type { CheerioAPI } from 'cheerio/slim';

/** Month names and their usual abbreviations, in German, English, Russian (genitive) and French. */
// prettier-ignore
const MONTHS: [RegExp, number][] = [
  [/^(?:jan|jän|январ|janv)/, 1], [/^(?:feb|févr|fevr|феврал)/, 2], [/^(?:mär|mar(?!s)|march|марта?)/, 3],
  [/^(?:mars)/, 3], [/^(?:apr|avr|апрел)/, 4], [/^(?:mai|may|мая|май)/, 5], [/^(?:jun|juin|июн)/, 6],
  [/^(?:jul|juil|июл)/, 7], [/^(?:aug|août|aout|август)/, 8], [/^(?:sep|сентябр)/, 9],
  [/^(?:okt|oct|октябр)/, 10], [/^(?:nov|ноябр)/, 11], [/^(?:dez|dec|déc|декабр)/, 12],
];
const WORD = '([\\p{L}]{3,12})\\.?';
/** "14.03.2026" (de, ru, fr with dots or slashes in dd.mm.yyyy order). */
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/u;
/** "14. März 2026", "14 March 2026", "14 марта 2026", "14 mars 2026". */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\.?\\s+${WORD}\\s+((?:19|20)\\d{2})`, 'u');
/** "March 14, 2026". */
const MONTH_DAY = new RegExp(`${WORD}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})`, 'u');

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  return MONTHS.find(([pattern]) => pattern.test(lower))?.[1];
}

function isoDay(year: string, month: number | undefined, day: string): string | undefined {
  const d = Number(day);
  if (month === undefined || month < 1 || month > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar day a date line names ("Veröffentlicht am 14.03.2026, 09:30 Uhr"), as YYYY-MM-DD. */
export function parseVisibleDate(text: string): string | undefined {
  const numeric = NUMERIC.exec(text);
  if (numeric) return isoDay(numeric[3]!, Number(numeric[2]), numeric[1]!);
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth) return isoDay(dayMonth[3]!, monthOf(dayMonth[2]!), dayMonth[1]!);
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return isoDay(monthDay[3]!, monthOf(monthDay[1]!), monthDay[2]!);
  return undefined;
}

/** Blocks whose class or id says they hold the article's date line. */
const DATE_BLOCK =
  '[class*="date" i], [class*="datum" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="dateline" i], [class*="byline" i], [class*="meta" i]';
/** A date line is short; a longer block with "meta" in its class is a teaser list. */
const MAX_DATE_LINE_CHARS = 100;
/** Reader comments and teaser lists show dates of their own. */
const NOT_ARTICLE_AREA =
  '[class*="comment"], [id*="comment"], aside, footer, nav, [class*="related"], [class*="teaser"], [class*="sidebar"]';

/** The first date shown as text in a date-like block outside comments and teaser lists. */
export function visibleDate($: CheerioAPI): string | undefined {
  for (const el of $(DATE_BLOCK).toArray()) {
    const text = $(el).text();
    if (text.length > MAX_DATE_LINE_CHARS) continue;
    const date = parseVisibleDate(text);
    if (date !== undefined && $(el).closest(NOT_ARTICLE_AREA).length === 0) return date;
  }
  return undefined;
}
