import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';

function DueList({
  title,
  items,
  testId,
}: {
  title: string;
  items: {
    key: string;
    caseId: string;
    name: string;
    caseNumber: string;
    note: string;
    overdue?: boolean;
  }[];
  testId: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section className="mb-4" data-testid={testId}>
      <h3 className="mb-2 text-std-17B-170">
        {title}（{fill(t.cases.home.count, { count: items.length })}）
      </h3>
      <ul className="grid gap-1">
        {items.map((i) => (
          <li key={i.key} className="flex flex-wrap items-baseline gap-x-3">
            <Link to={`/cases/${i.caseId}`}>{i.name}</Link>
            <span className="text-dns-14N-130 text-solid-gray-700">{i.caseNumber}</span>
            <span className={i.overdue ? 'text-dns-14B-130 text-error-1' : 'text-dns-14N-130'}>
              {i.overdue ? `${t.cases.home.overdue}・` : ''}
              {i.note}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How many cases the caseload table shows at a time. */
const pageSize = 50;

/** The caseworker's day on the home page: what is due, the caseload by status, a search box. */
export function CaseloadPanel() {
  const { t, lang } = useI18n();
  const c = t.cases;
  const session = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  // The page of the table is in the address (?from=50), so Back from a case returns to it.
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Math.floor(Number(params.get('from')) || 0));
  const heading = useRef<HTMLHeadingElement>(null);
  const turnTo = (from: number) => {
    setParams(from > 0 ? { from: String(from) } : {});
    // The button pressed may go disabled; the reader continues from the table's heading.
    heading.current?.focus();
  };
  const query = useQuery({
    queryKey: ['caseload', offset],
    queryFn: async () =>
      (
        await api.cases.caseload.$get({
          query: { offset: String(offset), limit: String(pageSize) },
        })
      ).json(),
    // The due lists stay on screen while the next page of the table loads.
    placeholderData: keepPreviousData,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    if (q.trim()) navigate(`/cases?q=${encodeURIComponent(q.trim())}`);
  };
  const data = query.data;
  const date = (iso: string | null) => formatDate(iso, lang);
  return (
    <div className="mb-10">
      <search>
        <form onSubmit={search} className="no-print mb-6 flex max-w-3xl flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <TextField
              id="home-search"
              plain
              type="search"
              label={c.home.searchLabel}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          <Button type="submit" className="mb-6">
            {c.search.submit}
          </Button>
        </form>
      </search>
      {session.can('case.create') && (
        <div className="no-print mb-8 flex flex-wrap gap-3">
          <Link
            to="/cases/new"
            className="inline-flex min-h-11 items-center rounded-8 bg-blue-900 px-4 py-2 text-std-16B-170 text-white no-underline hover:bg-blue-1000 hover:text-white"
          >
            {c.nav.newIntake}
          </Link>
          <Link
            to="/cases/new-lead"
            className="inline-flex min-h-11 items-center rounded-8 border-2 border-blue-900 px-4 py-2 text-std-16B-170 text-blue-900 no-underline hover:bg-blue-50"
          >
            {c.nav.newLead}
          </Link>
        </div>
      )}
      {!data ? (
        <QueryState error={query.error} />
      ) : (
        <>
          <section
            className="mb-8 rounded-12 border-2 border-blue-900 p-4"
            aria-labelledby="due-title"
          >
            <h2 id="due-title" className="text-std-24B-150">
              {c.home.today}
            </h2>
            <p className="mb-4 text-dns-16N-130 text-solid-gray-700">
              {fill(c.home.todayLead, { date: date(data.today) })}
            </p>
            <DueList
              testId="due-monitoring"
              title={c.home.monitoringDue}
              items={data.due.monitoring.map((m) => ({
                key: m.monitoringId,
                caseId: m.caseId,
                name: m.name,
                caseNumber: m.caseNumber,
                note: fill(c.home.dueOn, { date: date(m.dueOn) }),
                overdue: m.overdue,
              }))}
            />
            <DueList
              testId="due-plans"
              title={c.home.overduePlans}
              items={data.due.overduePlans.map((p) => ({
                key: p.caseId,
                caseId: p.caseId,
                name: p.name,
                caseNumber: p.caseNumber,
                note: fill(c.home.dueOn, { date: date(p.dueOn) }),
                overdue: true,
              }))}
            />
            <DueList
              testId="due-followups"
              title={c.home.followUps}
              items={data.due.followUps.map((f) => ({
                key: f.caseId,
                caseId: f.caseId,
                name: f.name,
                caseNumber: f.caseNumber,
                note: `${f.method ?? ''} ${fill(c.home.until, { date: date(f.until) })}`,
                overdue: f.ending,
              }))}
            />
            <DueList
              testId="due-referrals"
              title={c.home.referrals}
              items={data.due.referrals.map((r) => ({
                key: r.referralId,
                caseId: r.caseId,
                name: r.name,
                caseNumber: r.caseNumber,
                note: `${r.destination ?? ''} ${fill(c.home.dueOn, { date: date(r.followUpOn) })}`,
                overdue: r.overdue,
              }))}
            />
            <DueList
              testId="due-outreach"
              title={c.home.outreach}
              items={data.due.outreach.map((a) => ({
                key: a.caseId,
                caseId: a.caseId,
                name: a.name,
                caseNumber: a.caseNumber,
                note: `${a.plan ?? ''} ${fill(c.home.dueOn, { date: date(a.dueOn) })}`,
                overdue: a.overdue,
              }))}
            />
            <DueList
              testId="due-places"
              title={c.home.placeFollowUps}
              items={data.due.placeFollowUps.map((f) => ({
                key: f.matchId,
                caseId: f.caseId,
                name: f.name,
                caseNumber: f.caseNumber,
                note: `${f.place} ${fill(c.home.dueOn, { date: date(f.dueOn) })}`,
                overdue: f.overdue,
              }))}
            />
            {data.due.monitoring.length +
              data.due.overduePlans.length +
              data.due.followUps.length +
              data.due.referrals.length +
              data.due.outreach.length +
              data.due.placeFollowUps.length ===
              0 && <p>{c.home.nothingDue}</p>}
          </section>
          <section aria-labelledby="caseload-title">
            <h2 id="caseload-title" className="text-std-24B-150" ref={heading} tabIndex={-1}>
              {c.home.caseload}
            </h2>
            <p className="mb-3 text-dns-16N-130 text-solid-gray-700">{c.home.caseloadLead}</p>
            <ul className="mb-4 flex flex-wrap gap-2" aria-label={t.cases.case.status}>
              {data.counts.map((s) => (
                <li key={s.status} className="flex items-center gap-1">
                  <StatusBadge status={s.status} />
                  <span className="text-dns-14B-130">{s.count}</span>
                </li>
              ))}
            </ul>
            {data.page.total === 0 ? (
              <p>{c.home.noCases}</p>
            ) : (
              <div className="overflow-x-auto">
                <table
                  className="w-full border-collapse text-left"
                  data-testid="caseload-table"
                  aria-busy={query.isPlaceholderData}
                >
                  <thead>
                    <tr className="border-b-2 border-solid-gray-300">
                      <th className="p-2">{c.search.name}</th>
                      <th className="p-2">{c.search.caseNumber}</th>
                      <th className="p-2">{t.cases.case.status}</th>
                      <th className="p-2">{c.search.opened}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.cases.map((k) => (
                      <tr key={k.id} className="border-b border-solid-gray-200">
                        <td className="p-2">
                          <Link to={`/cases/${k.id}`}>{k.name}</Link>
                          {k.nameKana && (
                            <div className="text-dns-14N-130 text-solid-gray-700">{k.nameKana}</div>
                          )}
                        </td>
                        <td className="p-2">{k.caseNumber}</td>
                        <td className="p-2">
                          <StatusBadge status={k.status} />
                        </td>
                        <td className="p-2">{date(k.intakeOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {data.page.total > data.cases.length && (
              <nav
                aria-label={c.home.pages}
                className="mt-4 flex flex-wrap items-center gap-3"
                data-testid="caseload-pages"
              >
                <p className="text-dns-16N-130" aria-live="polite">
                  {fill(c.home.showing, {
                    total: data.page.total.toLocaleString(lang),
                    from: (data.page.offset + 1).toLocaleString(lang),
                    to: (data.page.offset + data.cases.length).toLocaleString(lang),
                  })}
                </p>
                <Button
                  variant="secondary"
                  disabled={data.page.offset === 0}
                  onClick={() => turnTo(Math.max(0, data.page.offset - pageSize))}
                >
                  {fill(c.home.previous, { count: pageSize })}
                </Button>
                <Button
                  variant="secondary"
                  disabled={data.page.offset + data.cases.length >= data.page.total}
                  onClick={() => turnTo(data.page.offset + pageSize)}
                >
                  {fill(c.home.next, { count: pageSize })}
                </Button>
              </nav>
            )}
          </section>
        </>
      )}
    </div>
  );
}
