import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'tertiary' | 'danger';

const variants: Record<Variant, string> = {
  primary:
    'bg-blue-900 text-white border-2 border-blue-900 hover:bg-blue-1000 hover:border-blue-1000 hover:underline',
  secondary:
    'bg-white text-blue-900 border-2 border-blue-900 hover:bg-blue-50 hover:text-blue-1000 hover:underline',
  tertiary: 'bg-transparent text-blue-900 border-2 border-transparent underline hover:bg-blue-50',
  danger:
    'bg-white text-error-1 border-2 border-error-1 hover:bg-red-50 hover:text-error-2 hover:underline',
};

/** The design system's buttons: a clear primary action, a quieter secondary one. */
export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-8 px-4 py-2 text-std-16B-170 disabled:cursor-not-allowed disabled:border-solid-gray-300 disabled:bg-solid-gray-50 disabled:text-solid-gray-420 ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
