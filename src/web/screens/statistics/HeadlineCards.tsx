import type { ReactNode } from 'react';
import type { IndicatorFigures, StatisticsReport } from '../../../domain/statistics/report';
import { fill, useI18n } from '../../i18n/i18n';
import { percent, rate } from './charts';

/** The counted indicators: those with a per-100,000 figure. */
type CountKey = keyof IndicatorFigures['per100k'];

/**
 * The five figures a municipality reports first, each with its per-100,000 monthly average and
 * the 目安値 beside it. The counts are those of the whole period (the `total` of the report).
 */
export function HeadlineCards({ report }: { report: StatisticsReport }) {
  const { t } = useI18n();
  const h = t.statistics.headline;
  const { total, targets } = report;
  const target = (value: number | null, format: (n: number) => string) =>
    value === null ? h.noTarget : `${h.target} ${format(value)}`;
  /** A counted figure: the count (件 or 人), per 100,000 a month, and its 目安値. */
  const counted = (key: CountKey, unit: string) => ({
    id: key,
    title: h[key],
    value: fill(unit, { count: total[key] }),
    per100k: total.per100k[key],
    target: target(targets[key], rate),
  });
  return (
    <section aria-labelledby="headline-title" className="mb-10">
      <h2 id="headline-title" className="mb-4 text-std-24B-150">
        {h.title}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 print:grid-cols-3">
        <Card {...counted('newConsultations', h.count)} />
        <Card
          {...counted('plans', h.count)}
          detail={fill(h.firstAndReplans, { first: total.firstPlans, replans: total.replans })}
        />
        <Card {...counted('employmentSupportTargets', h.people)} />
        <Card
          id="employmentRate"
          title={h.employmentRate}
          value={percent(total.employmentRate)}
          target={target(targets.employmentRate, percent)}
          detail={fill(h.rateDetail, {
            employed: total.employedOfTargets,
            increased: total.incomeIncreasedOfTargets,
            targets: total.employmentSupportTargets,
          })}
        />
        <Card
          id="improvedShare"
          title={h.improvedShare}
          value={percent(total.improvedShare)}
          detail={fill(h.improvedDetail, {
            improved: total.improved,
            evaluated: total.planHoldersEvaluated,
          })}
        />
      </ul>
    </section>
  );
}

function Card({
  id,
  title,
  value,
  per100k,
  target,
  detail,
}: {
  id: string;
  title: string;
  value: string;
  per100k?: number | null;
  target?: string;
  detail?: ReactNode;
}) {
  const { t } = useI18n();
  const h = t.statistics.headline;
  return (
    <li
      className="break-inside-avoid rounded-12 border border-solid-gray-420 p-4"
      data-testid={`headline-${id}`}
    >
      <p className="text-std-16B-170">{title}</p>
      <p className="mt-1 text-std-32B-150 text-blue-1000" data-testid={`headline-${id}-value`}>
        {value}
      </p>
      {per100k !== undefined && (
        <p className="mt-1 text-dns-14N-130">
          {h.per100k}：<span data-testid={`headline-${id}-per100k`}>{rate(per100k)}</span>
        </p>
      )}
      {target && <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{target}</p>}
      {detail && <p className="mt-1 text-dns-14N-130 text-solid-gray-700">{detail}</p>}
    </li>
  );
}
