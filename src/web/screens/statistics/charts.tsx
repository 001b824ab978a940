import { type ReactNode, useId } from 'react';
import { fill, useI18n } from '../../i18n/i18n';

/**
 * Charts drawn by hand in SVG (no chart library: nothing is fetched from outside, and the print
 * matches the screen). Every chart is an image with a Japanese name and a one-line summary for
 * screen readers, and the same numbers stand beside it in a real table — the table is the
 * record, the chart only helps the eye.
 */

/** Colours of the design system: text black, the primary blue, grey rules, orange for the 目安値. */
const ink = '#1a1a1c';
const blue = '#0017c1';
const grey = '#999999';
const orange = '#c74700';

/** The axis' top: the next round number above the largest value (1, 2, 2.5, 5 × 10ⁿ). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export const cell = 'border border-solid-gray-420 px-2 py-1';

/** A chart and its table side by side on a wide screen, the table under the chart on paper. */
export function ChartWithTable({
  chart,
  table,
  testId,
}: {
  chart: ReactNode;
  table: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="mb-8 grid items-start gap-4 break-inside-avoid lg:grid-cols-[3fr_2fr] print:grid-cols-1"
      data-testid={testId}
    >
      <div className="min-w-0">{chart}</div>
      <div className="overflow-x-auto">{table}</div>
    </div>
  );
}

export interface MonthPoint {
  /** 'YYYY-MM' */
  month: string;
  /** Short label on the axis, e.g. 4月. */
  label: string;
  value: number | null;
}

/**
 * Month by month as columns, with the 目安値 as a dashed line across. A month without a value
 * (no population) has no column; the summary says so.
 */
export function MonthlyChart({
  title,
  points,
  target,
  format,
  summary,
  integer = false,
}: {
  title: string;
  points: readonly MonthPoint[];
  target: number | null;
  format: (value: number) => string;
  /** The values are counts (no population to divide by). */
  integer?: boolean;
  /** What a screen reader hears after the title (the figures in words). */
  summary: string;
}) {
  const { t } = useI18n();
  const width = 640;
  const height = 240;
  const margin = { top: 16, right: 16, bottom: 36, left: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = points.map((p) => p.value ?? 0);
  const top = Math.max(niceCeiling(Math.max(...values, target ?? 0)), integer ? 2 : 0);
  const y = (v: number) => margin.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(points.length, 1);
  const barW = Math.max(Math.min(slot * 0.6, 40), 2);
  // Every label when they fit, else every other one (24 months on a narrow chart).
  const labelEvery = slot < 28 ? 2 : 1;
  // Counts get whole-number ticks only: 0.5 of a consultation means nothing.
  const ticks = integer && top % 2 !== 0 ? [0, top] : [0, top / 2, top];
  return (
    <ChartFigure
      width={width}
      height={height}
      testId="monthly-chart"
      title={title}
      description={fill(t.statistics.charts.monthlyAria, { title, summary })}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={grey}
            strokeWidth={tick === 0 ? 1.5 : 0.5}
          />
          <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={ink}>
            {format(tick)}
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        const x = margin.left + slot * i + slot / 2;
        return (
          <g key={p.month}>
            {p.value !== null && (
              <rect
                x={x - barW / 2}
                y={y(p.value)}
                width={barW}
                height={Math.max(y(0) - y(p.value), 0)}
                fill={blue}
              />
            )}
            {i % labelEvery === 0 && (
              <text
                x={x}
                y={height - margin.bottom + 18}
                textAnchor="middle"
                fontSize={12}
                fill={ink}
              >
                {p.label}
              </text>
            )}
          </g>
        );
      })}
      {target !== null && (
        <g>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(target)}
            y2={y(target)}
            stroke={orange}
            strokeWidth={2.5}
            strokeDasharray="8 5"
          />
          <text
            x={width - margin.right}
            y={y(target) - 6}
            textAnchor="end"
            fontSize={12}
            fill={orange}
            fontWeight="bold"
          >
            {fill(t.statistics.charts.targetLine, { value: format(target) })}
          </text>
        </g>
      )}
    </ChartFigure>
  );
}

export interface BarRow {
  key: string;
  label: string;
  count: number;
}

/** Horizontal bars, one per item, the count written at the end of each. */
export function BarChart({
  title,
  rows,
  summary,
}: {
  title: string;
  rows: readonly BarRow[];
  summary: string;
}) {
  const { t } = useI18n();
  const width = 640;
  const labelW = 260;
  const rowH = 26;
  const height = Math.max(rows.length, 1) * rowH + 8;
  const max = Math.max(...rows.map((r) => r.count), 1);
  const barSpace = width - labelW - 56;
  return (
    <ChartFigure
      width={width}
      height={height}
      testId="bar-chart"
      title={title}
      description={fill(t.statistics.charts.barAria, { title, summary })}
    >
      <line x1={labelW} x2={labelW} y1={0} y2={height} stroke={grey} strokeWidth={1} />
      {rows.map((r, i) => {
        const barLength = (r.count / max) * barSpace;
        const top = 4 + i * rowH;
        return (
          <g key={r.key}>
            <text x={labelW - 8} y={top + rowH / 2 + 4} textAnchor="end" fontSize={13} fill={ink}>
              {r.label.length > 19 ? `${r.label.slice(0, 18)}…` : r.label}
            </text>
            <rect x={labelW} y={top + 4} width={barLength} height={rowH - 10} fill={blue} />
            <text x={labelW + barLength + 6} y={top + rowH / 2 + 4} fontSize={13} fill={ink}>
              {r.count}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/**
 * The frame of every chart: an SVG image named 「…のグラフ」 with its figures in words as the
 * description, so a screen reader hears both.
 */
function ChartFigure({
  width,
  height,
  testId,
  title,
  description,
  children,
}: {
  width: number;
  height: number;
  testId: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full max-w-full"
        data-testid={testId}
      >
        <title id={`${id}-title`}>{fill(t.statistics.charts.chartOf, { title })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
    </figure>
  );
}

/**
 * A table of figures: the caption 「…の表」, a first column naming each row, then the figure
 * columns; the body (and foot) are the children.
 */
export function FiguresTable({
  title,
  first,
  columns,
  testId,
  children,
}: {
  title: string;
  /** The heading of the first column (項目, 月). */
  first: string;
  columns: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <table className="w-full border-collapse text-right text-dns-16N-130" data-testid={testId}>
      <caption className="mb-1 text-left text-std-16B-170">
        {fill(t.statistics.charts.tableOf, { title })}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={`${cell} text-left`}>
            {first}
          </th>
          {columns.map((column) => (
            <th key={column} scope="col" className={cell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      {children}
    </table>
  );
}

/** A count table for a bar chart: item, count, share of the total. */
export function CountTable({
  title,
  rows,
  testId,
  shareOf,
}: {
  title: string;
  rows: readonly BarRow[];
  testId?: string;
  /** The denominator of the share column; without it, no share column. */
  shareOf?: number;
}) {
  const { t } = useI18n();
  const c = t.statistics.charts;
  return (
    <FiguresTable
      title={title}
      first={c.item}
      columns={shareOf === undefined ? [c.count] : [c.count, c.share]}
      testId={testId}
    >
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key}>
            <th scope="row" className={`${cell} text-left font-normal`}>
              {r.label}
            </th>
            <td className={cell}>{r.count}</td>
            {shareOf !== undefined && (
              <td className={cell}>{shareOf > 0 ? percent(r.count / shareOf) : '—'}</td>
            )}
          </tr>
        ))}
      </tbody>
    </FiguresTable>
  );
}

/** 0.4321 → 43.2% */
export function percent(fraction: number | null): string {
  return fraction === null ? '—' : `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

/** Per-100k figures to two decimals (they are small: 20 per 100,000 per month). */
export function rate(value: number | null): string {
  return value === null ? '—' : (Math.round(value * 100) / 100).toFixed(2);
}

/** 「20代 3件、30代 2件」: a bar chart's figures in words for its description. */
export function summarise(rows: readonly BarRow[], unit: (count: number) => string): string {
  return rows.map((r) => `${r.label} ${unit(r.count)}`).join('、');
}
