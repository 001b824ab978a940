import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Form fields with their label, hint and error tied together for screen readers
 * (aria-describedby, aria-invalid). The error sits right under the label, in Japanese, and the
 * input keeps what was typed.
 */
interface FieldFrame {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** Filters and search boxes are neither required nor optional: no 必須/任意 mark. */
  plain?: boolean;
}

const inputClass = (error?: string) =>
  `mt-2 block w-full rounded-8 border bg-white px-4 py-3 text-std-16N-170 ${error ? 'border-2 border-error-1' : 'border-solid-gray-600'} hover:border-black`;

function Frame({
  id,
  frame,
  children,
}: {
  id: string;
  frame: FieldFrame;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { t } = useI18n();
  const hintId = frame.hint ? `${id}-hint` : undefined;
  const errorId = frame.error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-6" data-field={id}>
      <label htmlFor={id} className="flex items-center gap-2 text-std-17B-170">
        {frame.label}
        {!frame.plain && (
          <span
            className={`rounded-4 px-2 text-oln-14N-100 leading-6 ${frame.required ? 'bg-error-1 text-white' : 'border border-solid-gray-420 text-solid-gray-700'}`}
          >
            {frame.required ? t.app.required : t.app.optional}
          </span>
        )}
      </label>
      {frame.hint && (
        <p id={hintId} className="mt-1 text-dns-16N-130 text-solid-gray-700">
          {frame.hint}
        </p>
      )}
      {frame.error && (
        <p id={errorId} className="mt-1 text-dns-16B-130 text-error-1">
          {frame.error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  required,
  plain,
  id,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  return (
    <Frame
      id={id}
      frame={{ label, hint, error, required: required ?? false, plain: plain ?? false }}
    >
      {(describedBy) => (
        <input
          id={id}
          name={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          className={inputClass(error)}
          {...input}
        />
      )}
    </Frame>
  );
}

export function TextArea({
  label,
  hint,
  error,
  required,
  id,
  ...input
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string }) {
  return (
    <Frame id={id} frame={{ label, hint, error, required: required ?? false }}>
      {(describedBy) => (
        <textarea
          id={id}
          name={id}
          rows={4}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass(error)}
          {...input}
        />
      )}
    </Frame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  id,
  options,
  placeholder,
  plain,
  ...select
}: FieldFrame &
  SelectHTMLAttributes<HTMLSelectElement> & {
    id: string;
    options: readonly { value: string; label: string }[];
    placeholder?: string;
  }) {
  return (
    <Frame
      id={id}
      frame={{ label, hint, error, required: required ?? false, plain: plain ?? false }}
    >
      {(describedBy) => (
        <select
          id={id}
          name={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass(error)}
          {...select}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

export function Checkbox({
  label,
  hint,
  checked,
  onChange,
  id,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="mb-2">
      <div className="flex items-center gap-3">
        <input
          id={inputId}
          type="checkbox"
          className="size-6 accent-blue-900"
          checked={checked}
          aria-describedby={hint ? `${inputId}-hint` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={inputId}>{label}</label>
      </div>
      {hint && (
        <p id={`${inputId}-hint`} className="ml-9 text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes with one label and one error (e.g. roles). */
export function CheckboxGroup({
  id,
  label,
  hint,
  error,
  required,
  options,
  value,
  onChange,
}: FieldFrame & {
  id: string;
  options: readonly { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="mb-6"
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      data-field={id}
    >
      <legend className="flex items-center gap-2 text-std-17B-170">
        {label}
        <span
          className={`rounded-4 px-2 text-oln-14N-100 leading-6 ${required ? 'bg-error-1 text-white' : 'border border-solid-gray-420 text-solid-gray-700'}`}
        >
          {required ? t.app.required : t.app.optional}
        </span>
      </legend>
      {hint && (
        <p id={hintId} className="mt-1 text-dns-16N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-dns-16B-130 text-error-1">
          {error}
        </p>
      )}
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            id={`${id}-${o.value}`}
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(checked) =>
              onChange(checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A field's name for the summary: its own label, or for a line of a list (`goals.1.goal`) the
 * list's label with the line number and the field's label (目標 2：目標).
 */
function labelOf(path: string, labels: Record<string, string>): string {
  if (labels[path]) return labels[path];
  const line = /^([^.]+)\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!line) return path;
  const [, list = '', index = '0', field] = line;
  const inner = field ? labels[field] : undefined;
  return `${labels[list] ?? list} ${Number(index) + 1}${inner ? `：${inner}` : ''}`;
}

/** The list of problems at the top of a form, each a link to its field (GOV.UK pattern). */
export function ErrorSummary({
  errors,
  labels,
  idPrefix = '',
}: {
  errors: Record<string, string>;
  labels: Record<string, string>;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      className="mb-6 rounded-8 border-2 border-error-1 bg-red-50 px-4 py-3"
      data-testid="error-summary"
    >
      <p className="text-std-17B-170 text-error-2">{t.form.errorSummary}</p>
      <ul className="mt-2 list-disc pl-6">
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${idPrefix}${path}`}>
              {labelOf(path, labels)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
