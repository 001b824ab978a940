import { describe, expect, it } from 'vitest';
import {
  ageOn,
  formatDateTimeJapan,
  formatWareki,
  isIsoDate,
  parseDateInput,
  todayInJapan,
} from './wareki';

describe('parseDateInput', () => {
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['2025/4/1', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['20250401', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R7.4.1', '2025-04-01'],
    ['r07/04/01', '2025-04-01'],
    ['Ｒ７．４．１', '2025-04-01'],
    ['令7.4.1', '2025-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['S55.3.2', '1980-03-02'],
    ['昭和64年1月7日', '1989-01-07'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
    [' 令和 7年 4月 1日 ', '2025-04-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDateInput(input)).toBe(iso);
  });

  it.each([
    ['', 'empty'],
    ['2025-02-29', 'not a leap year'],
    ['2025-13-01', 'no 13th month'],
    ['R7.2.30', 'no 30 February'],
    ['令和1年4月1日', '令和 began on 1 May 2019'],
    ['H32.1.1', '平成 ended in 2019'],
    ['S65.1.1', '昭和 ended in 1989'],
    ['X7.4.1', 'no such era'],
    ['4/1', 'no year'],
    ['next tuesday', 'not a date'],
  ])('refuses %s (%s)', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
});

describe('formatWareki', () => {
  it.each([
    ['2025-04-01', '令和7年4月1日', 'R7.4.1'],
    ['2019-05-01', '令和元年5月1日', 'R1.5.1'],
    ['2019-04-30', '平成31年4月30日', 'H31.4.30'],
    ['1989-01-07', '昭和64年1月7日', 'S64.1.7'],
    ['1980-03-02', '昭和55年3月2日', 'S55.3.2'],
  ])('shows %s as %s and %s', (iso, long, short) => {
    expect(formatWareki(iso)).toBe(long);
    expect(formatWareki(iso, 'short')).toBe(short);
  });

  it('agrees with the eras the Japanese calendar of Intl knows, day by day across every change of era', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    for (const iso of [
      '1912-07-29',
      '1912-07-30',
      '1926-12-24',
      '1926-12-25',
      '1989-01-07',
      '1989-01-08',
      '2019-04-30',
      '2019-05-01',
      '2025-04-01',
    ]) {
      const ours = formatWareki(iso).replace(/\d+月\d+日$/, '');
      const theirs = intl.format(new Date(`${iso}T00:00:00Z`)).replace(/^(\D+)1年$/, '$1元年');
      expect(ours).toBe(theirs);
    }
  });

  it('reads back everything it writes', () => {
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 37) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(parseDateInput(formatWareki(iso))).toBe(iso);
      expect(parseDateInput(formatWareki(iso, 'short'))).toBe(iso);
    }
  });
});

describe('dates in Japan', () => {
  it('takes today in Japan time whatever the server clock zone', () => {
    expect(todayInJapan(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(todayInJapan(new Date('2026-03-31T14:59:00Z'))).toBe('2026-03-31');
  });

  it('counts age as an office does, turning a year older on the birthday', () => {
    expect(ageOn('1980-03-02', '2025-03-01')).toBe(44);
    expect(ageOn('1980-03-02', '2025-03-02')).toBe(45);
  });

  it('shows a moment in Japan time', () => {
    expect(formatDateTimeJapan('2026-04-01T00:05:00Z')).toBe('2026-04-01 09:05');
  });

  it('knows a real ISO date', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });
});
