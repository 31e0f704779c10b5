/** Zone names seen in RSS dates (RFC 822 §5 plus common European and Russian ones), in hours. */
const ZONE_OFFSETS: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  WET: 0,
  WEST: 1,
  BST: 1,
  CET: 1,
  CEST: 2,
  MEZ: 1,
  MESZ: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Tue, 10 Jun 2003 04:00:00 +0200`, day name optional, seconds optional, 2- or 4-digit year. */
const RFC_822 =
  /^(?:[A-Za-z]+,?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]+)?$/;

/** W3C-DTF / ISO 8601: date, optional time with optional fraction and offset. */
const ISO_8601 =
  /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An RFC 822 or ISO 8601 date as ISO 8601 UTC, or undefined when it cannot be read. */
export function toIsoDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const millis = parseIso(text) ?? parseRfc822(text);
  if (millis === undefined || !Number.isFinite(millis)) return undefined;
  return new Date(millis).toISOString();
}

function parseIso(text: string): number | undefined {
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [, year, month, day = '01', hour = '00', minute = '00', second = '00', zone] = m;
  return utcMillis([year, month, day, hour, minute, second].map(Number), zoneMinutes(zone));
}

function parseRfc822(text: string): number | undefined {
  const m = RFC_822.exec(text);
  if (!m) return undefined;
  const [, day, monthName = '', yearText = '', hour, minute, second = '00', zone] = m;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const offset = zoneMinutes(zone);
  return utcMillis(
    [fullYear(yearText), month, Number(day), Number(hour), Number(minute), Number(second)],
    offset,
  );
}

/** RFC 822 allows two-digit years; RFC 2822 §4.3 reads 00–49 as 20xx and 50–99 as 19xx. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Minutes east of UTC; a missing or unknown zone is read as UTC rather than dropping the date. */
function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return (ZONE_OFFSETS[zone.toUpperCase()] ?? 0) * 60;
}

function utcMillis(parts: number[], offsetMinutes: number): number | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  // Leap second 60 is allowed by both grammars; Date.UTC rolls it into the next minute.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) {
    return undefined;
  }
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return millis - offsetMinutes * 60_000;
}
