import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatWareki, todayInJapan } from '../../domain/text/wareki';
import { useSession } from '../api/session';
import { fill, useI18n } from '../i18n/i18n';
import { Button } from './Button';

/** Parts of the A4 print layouts (case forms, meeting handouts): the frame, a label/value grid, a heading. */

/**
 * An A4 sheet: the print button and the way back (not printed), a boxed notice when the sheet
 * needs one (要配慮, the duty of confidentiality), the title, and the date and office that printed it.
 */
export function PrintFrame({
  title,
  back,
  notice,
  meta,
  children,
}: {
  title: string;
  back: { to: string; label: string };
  notice?: ReactNode;
  meta?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <article
      className="print-sheet mx-auto max-w-[210mm] bg-white text-[10.5pt] leading-relaxed"
      data-testid="print-sheet"
    >
      <div className="no-print mb-4 flex gap-3">
        <Button onClick={() => window.print()}>{t.app.print}</Button>
        <Link to={back.to} className="self-center">
          {back.label}
        </Link>
      </div>
      {notice && (
        <p
          className="mb-2 border-2 border-black px-2 py-1 text-[10pt] font-bold"
          data-testid="print-notice"
        >
          {notice}
        </p>
      )}
      <header className="mb-3 flex items-end justify-between border-b-2 border-black pb-1">
        <h1 className="text-[16pt] font-bold">{title}</h1>
        <p className="text-[9pt]">
          {meta}
          {fill(t.cases.print.printedAt, { date: formatWareki(todayInJapan()) })}
          <br />
          {session.view?.user?.organisation.name}
        </p>
      </header>
      {children}
    </article>
  );
}

export function Grid({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table className="mb-3 w-full border-collapse">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th className="w-40 border border-black bg-solid-gray-50 px-2 py-1 text-left align-top font-normal">
              {k}
            </th>
            <td className="whitespace-pre-wrap border border-black px-2 py-1 align-top">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <h2 className="mt-3 mb-1 border-l-4 border-black pl-2 text-[11.5pt] font-bold">{children}</h2>
  );
}
