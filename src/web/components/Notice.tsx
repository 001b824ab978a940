import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, string> = {
  info: 'border-blue-900 bg-blue-50',
  success: 'border-success-2 bg-green-50',
  warning: 'border-warning-orange-2 bg-orange-50',
  error: 'border-error-1 bg-red-50',
};

/**
 * A message box; errors and successes are announced to screen readers as they appear — unless
 * it sits in a live region of its own (`announce={false}`), which then announces it once.
 */
export function Notice({
  tone = 'info',
  title,
  announce = true,
  children,
}: {
  tone?: Tone;
  title?: string;
  announce?: boolean;
  children?: ReactNode;
}) {
  return (
    <div
      role={announce ? (tone === 'error' ? 'alert' : 'status') : undefined}
      className={`my-4 rounded-8 border-l-8 px-4 py-3 ${tones[tone]}`}
    >
      {title && <p className="text-std-17B-170">{title}</p>}
      {children && <div className="text-std-16N-170">{children}</div>}
    </div>
  );
}
