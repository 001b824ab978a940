import { type ReactNode, useState } from 'react';

/**
 * A closed section whose content is made only when opened: for a form per record on a list page
 * (each form looks for its own draft when made, and a closed one needs none of that).
 */
export function Disclosure({
  summary,
  className,
  summaryClassName = 'cursor-pointer text-blue-1000 underline',
  children,
}: {
  summary: ReactNode;
  className?: string;
  summaryClassName?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={summaryClassName}>{summary}</summary>
      {open && children}
    </details>
  );
}
