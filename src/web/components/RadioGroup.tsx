import { useI18n } from '../i18n/i18n';

/** One choice among few, all visible (a select hides them). */
export function RadioGroup({
  id,
  label,
  options,
  value,
  onChange,
  error,
  required,
  inline = true,
}: {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  inline?: boolean;
}) {
  const { t } = useI18n();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset id={id} tabIndex={-1} className="mb-6" aria-describedby={errorId} data-field={id}>
      <legend className="flex items-center gap-2 text-std-17B-170">
        {label}
        <span
          className={`rounded-4 px-2 text-oln-14N-100 leading-6 ${required ? 'bg-error-1 text-white' : 'border border-solid-gray-420 text-solid-gray-700'}`}
        >
          {required ? t.app.required : t.app.optional}
        </span>
      </legend>
      {error && (
        <p id={errorId} className="mt-1 text-dns-16B-130 text-error-1">
          {error}
        </p>
      )}
      <div className={`mt-2 ${inline ? 'flex flex-wrap gap-x-6 gap-y-2' : 'grid gap-2'}`}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="size-6 accent-blue-900"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
