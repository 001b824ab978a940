import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A screen's frame: sets the browser tab's title and moves focus to the heading when the screen
 * opens, so a screen reader announces where the user has arrived.
 */
export function Page({
  title,
  lead,
  actions,
  children,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | ${t.app.name}`;
  }, [title, t.app.name]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <article>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 ref={heading} tabIndex={-1} className="text-std-32B-150 focus:outline-none">
            {title}
          </h1>
          {lead && <p className="mt-2 max-w-3xl text-solid-gray-700">{lead}</p>}
        </div>
        {actions && <div className="no-print flex flex-wrap gap-3">{actions}</div>}
      </div>
      {children}
    </article>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-10">
      <h2 className="mb-4 border-b-2 border-solid-gray-200 pb-2 text-std-24B-150">{title}</h2>
      {children}
    </section>
  );
}
