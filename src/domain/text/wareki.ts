/**
 * 和暦 (Japanese era dates), DOMAIN.md §8. Dates are stored as ISO `YYYY-MM-DD`; people type and
 * read them as 令和7年4月1日, R7.4.1 or S55.3.2 as well. One era table serves both directions, so
 * what is shown can always be typed back.
 */
export interface Era {
  name: string;
  letter: string;
  /** First day of the era, ISO. */
  start: string;
}

// Newest first. The first year of an era is written 元年 in long form.
export const eras: readonly Era[] = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '明治', letter: 'M', start: '1868-10-23' },
];

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = isoPattern.exec(value);
  if (!m) return false;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(year: number, month: number, day: number): boolean {
  // Year 0 does not exist (PostgreSQL refuses it); nothing this system records is that old.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function eraOf(iso: string): Era | undefined {
  return eras.find((era) => iso >= era.start);
}

function eraYear(era: Era, iso: string): number {
  return Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1;
}

/** 令和7年4月1日 (long) or R7.4.1 (short). Dates before 明治 are shown in 西暦. */
export function formatWareki(iso: string, style: 'long' | 'short' = 'long'): string {
  if (!isIsoDate(iso)) return iso;
  const era = eraOf(iso);
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (!era) return `${Number(iso.slice(0, 4))}年${month}月${day}日`;
  const year = eraYear(era, iso);
  if (style === 'short') return `${era.letter}${year}.${month}.${day}`;
  return `${era.name}${year === 1 ? '元' : year}年${month}月${day}日`;
}

/** 2025年4月1日 */
export function formatSeireki(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

const eraByToken = new Map<string, Era>();
for (const era of eras) {
  eraByToken.set(era.name, era);
  eraByToken.set(era.name.slice(0, 1), era);
  eraByToken.set(era.letter.toLowerCase(), era);
}

/**
 * Reads a date typed in 西暦 or 和暦 and returns it as ISO, or null when it is not a real date.
 * Accepts 2025-04-01, 2025/4/1, 2025.4.1, 20250401, 2025年4月1日, 令和7年4月1日, 令和元年5月1日,
 * R7.4.1, r07/04/01, 令7.4.1, and full-width digits. An era date outside its era
 * (令和1年4月1日) is refused rather than guessed.
 */
export function parseDateInput(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/元年/g, '1年')
    .toLowerCase();
  if (text === '') return null;

  const western = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (western) {
    const year = Number(western[1]);
    const month = Number(western[2] ?? western[4]);
    const day = Number(western[3] ?? western[5]);
    return isRealDate(year, month, day) ? toIso(year, month, day) : null;
  }

  const japanese =
    /^(令和|平成|昭和|大正|明治|令|平|昭|大|明|[rhstm])(\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(
      text,
    );
  if (!japanese) return null;
  const era = eraByToken.get(japanese[1] ?? '');
  if (!era) return null;
  const year = Number(era.start.slice(0, 4)) + Number(japanese[2]) - 1;
  const month = Number(japanese[3]);
  const day = Number(japanese[4]);
  if (!isRealDate(year, month, day)) return null;
  const iso = toIso(year, month, day);
  return eraOf(iso) === era ? iso : null;
}

const japanDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Japan, whatever the server's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  // One formatter for the process: making one costs far more than using it.
  return japanDate.format(now);
}

/** Full years between a birth date and a date (both ISO), as a Japanese office counts age. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const japanDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment shown in Japan time: 2025-04-01 09:05 (the 和暦 date is added by the screen when wanted). */
export function formatDateTimeJapan(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  const parts = japanDateTime.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
