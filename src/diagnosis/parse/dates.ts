/**
 * The latest date a paste carries: an HTTP Date header (RFC 1123), a JavaScript Date string in a log prefix, or an
 * ISO timestamp. Old pastes matter because Atlassian's platform changed under them (Cloud stopped taking passwords in
 * 2019). Bounded patterns, one pass each over the capped text; years outside 2000–2099 are ignored.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MAX_TEXT = 8_000;

const RFC_1123 = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (20\d\d) \d\d:\d\d/gi;
const JS_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (20\d\d) \d\d:\d\d/gi;
const ISO = /\b(20\d\d)-([01]\d)-([0-3]\d)[T ]\d\d:\d\d/g;

function utc(year: number, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  return Date.UTC(year, month, day);
}

export function latestDateIn(text: string): number | undefined {
  const sample = text.slice(0, MAX_TEXT);
  let latest: number | undefined;
  const keep = (t: number | undefined) => {
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  };
  for (const m of sample.matchAll(RFC_1123)) keep(utc(Number(m[3]), MONTHS.indexOf(m[2].toLowerCase()), Number(m[1])));
  for (const m of sample.matchAll(JS_DATE)) keep(utc(Number(m[3]), MONTHS.indexOf(m[1].toLowerCase()), Number(m[2])));
  for (const m of sample.matchAll(ISO)) keep(utc(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return latest;
}
