import type { Lang } from '../../domain/errors';
import { formatDateTimeJapan, formatWareki } from '../../domain/text/wareki';

/** A date as the office reads it: 令和7年4月1日 (2025-04-01) in Japanese, ISO in English. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return lang === 'ja' ? `${formatWareki(iso)}（${iso}）` : iso;
}

/** A moment in Japan time: 令和7年4月1日 09:05 in Japanese, 2025-04-01 09:05 JST in English. */
export function formatDateTime(moment: string | null | undefined, lang: Lang): string {
  if (!moment) return '';
  const text = formatDateTimeJapan(moment);
  const [date = '', time = ''] = text.split(' ');
  return lang === 'ja' ? `${formatWareki(date)} ${time}` : `${text} JST`;
}
