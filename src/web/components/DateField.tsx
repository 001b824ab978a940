import type { InputHTMLAttributes } from 'react';
import { formatWareki, parseDateInput } from '../../domain/text/wareki';
import { useI18n } from '../i18n/i18n';
import { TextField } from './fields';

/**
 * A date typed in 西暦 or 和暦. Under the field it says how the date will be read (令和7年4月1日
 * （2025-04-01）), so a slip (R7 for H7) shows before saving; the server decides.
 */
export function DateField(
  props: InputHTMLAttributes<HTMLInputElement> & {
    id: string;
    label: string;
    value: string;
    error?: string | undefined;
    required?: boolean;
    hint?: string;
    plain?: boolean;
  },
) {
  const { t, lang } = useI18n();
  const parsed = props.value ? parseDateInput(props.value) : null;
  const reading = parsed ? (lang === 'ja' ? `${formatWareki(parsed)}（${parsed}）` : parsed) : null;
  return (
    <div>
      <TextField
        inputMode="text"
        autoComplete="off"
        hint={props.hint ?? t.app.dateHint}
        {...props}
      />
      {reading && parsed !== props.value.trim() && (
        <p
          className="-mt-4 mb-6 text-dns-14N-130 text-solid-gray-700"
          data-testid={`${props.id}-reading`}
        >
          → {reading}
        </p>
      )}
    </div>
  );
}
