import { useId } from 'react';
import { relationshipLabel } from '../../../domain/cases/vocabulary';
import {
  type EcomapEdge,
  type EcomapNode,
  ecomapRows,
  ecomapSourceLabels,
  zigzagPoints,
} from '../../../domain/multi-agency/ecomap';
import {
  type TieStrength,
  tieStrengthLabels,
  tieStrengths,
} from '../../../domain/multi-agency/multi-agency-case';
import { fill, useI18n } from '../../i18n/i18n';
import type { EcomapView } from './multi-agency-data';

/** Colours of the design system: text black, the primary blue, and red for a strain. */
const ink = '#1a1a1c';
const blue = '#0017c1';
const red = '#ce0000';
const grey = '#666666';

/** Box sizes in SVG units; the layout (domain/multi-agency/ecomap.ts) keeps boxes of this size apart. */
const box = { agency: { w: 150, h: 44 }, member: { w: 124, h: 44 }, person: { w: 132, h: 48 } };

/** A label in at most two lines of `max` characters (Japanese names are long and have no spaces). */
export function wrapLabel(label: string, max: number): string[] {
  const chars = [...label];
  if (chars.length <= max) return [label];
  // Break at a space near the middle when there is one (法人名 事業所名).
  const space = label.indexOf(' ');
  if (space > 0 && space <= max && chars.length - space - 1 <= max) {
    return [label.slice(0, space), label.slice(space + 1)];
  }
  // Two lines of about the same length, so no line is left with one or two characters.
  const cut = chars.length > max * 2 ? max : Math.ceil(chars.length / 2);
  const second = chars.slice(cut, cut + max);
  if (chars.length > cut + max) second[second.length - 1] = '…';
  return [chars.slice(0, cut).join(''), second.join('')];
}

function Line({ edge }: { edge: EcomapEdge }) {
  const common = { 'data-strength': edge.strength, 'data-testid': 'ecomap-edge' } as const;
  if (edge.strength === 'strained') {
    const points = zigzagPoints(edge.x1, edge.y1, edge.x2, edge.y2, 5, 14)
      .map(([x, y]) => `${x},${y}`)
      .join(' ');
    return <polyline {...common} points={points} fill="none" stroke={red} strokeWidth={2} />;
  }
  return (
    <line
      {...common}
      x1={edge.x1}
      y1={edge.y1}
      x2={edge.x2}
      y2={edge.y2}
      stroke={ink}
      strokeWidth={edge.strength === 'strong' ? 5 : 2}
      strokeDasharray={edge.strength === 'weak' ? '8 6' : undefined}
    />
  );
}

function NodeBox({ node }: { node: EcomapNode }) {
  const { t, label } = useI18n();
  const e = t.multiAgency.ecomap;
  const size =
    node.kind === 'agency' ? box.agency : node.kind === 'member' ? box.member : box.person;
  const x = node.x - size.w / 2;
  const y = node.y - size.h / 2;
  let lines: string[];
  let full: string;
  let stroke = ink;
  let strokeWidth = 1.5;
  let fillColour = '#ffffff';
  let dash: string | undefined;
  let radius = 6;
  if (node.kind === 'person') {
    lines = [...wrapLabel(node.label, 8).slice(0, 1), `（${e.person}）`];
    full = `${node.label}（${e.person}）`;
    strokeWidth = 3;
    fillColour = '#e8f1fe';
  } else if (node.kind === 'member') {
    const relation = label(relationshipLabel(node.relationship, node.sex));
    const apart = node.livesTogether ? '' : `・${e.apart}`;
    lines = [...wrapLabel(node.label, 8).slice(0, 1), `（${relation}${apart}）`];
    full = `${node.label}（${relation}${apart}）`;
    if (!node.livesTogether) dash = '5 4';
  } else {
    lines = wrapLabel(node.label, 11);
    full = `${node.label}（${e.kinds[node.agencyKind]}）${node.lead ? `・${e.lead}` : ''}`;
    if (node.lead) {
      stroke = blue;
      strokeWidth = 4;
    }
    if (node.agencyKind === 'resource') {
      fillColour = '#e6f5ec';
      radius = size.h / 2;
    }
    if (node.agencyKind === 'named') dash = '3 3';
  }
  return (
    <g data-testid={`ecomap-node-${node.kind}`} data-label={node.label}>
      <title>{full}</title>
      <rect
        x={x}
        y={y}
        width={size.w}
        height={size.h}
        rx={radius}
        fill={fillColour}
        stroke={stroke}
        strokeWidth={strokeWidth}
        strokeDasharray={dash}
      />
      {node.kind === 'agency' && node.lead && (
        <g>
          <rect x={x + size.w - 48} y={y - 20} width={48} height={18} rx={4} fill={blue} />
          <text x={x + size.w - 24} y={y - 6.5} textAnchor="middle" fontSize={12} fill="#ffffff">
            {e.lead}
          </text>
        </g>
      )}
      <text x={node.x} y={node.y} textAnchor="middle" fontSize={13} fill={ink}>
        <tspan x={node.x} dy={lines.length === 1 ? 4.5 : -3}>
          {lines[0]}
        </tspan>
        {lines[1] !== undefined && (
          <tspan x={node.x} dy={16}>
            {lines[1]}
          </tspan>
        )}
      </text>
    </g>
  );
}

/** The ecomap as an SVG drawn from the data, with the household circle and the ties. */
export function EcomapSvg({ map, personName }: { map: EcomapView; personName: string }) {
  const { t } = useI18n();
  const e = t.multiAgency.ecomap;
  const id = useId();
  const members = map.nodes.filter((n) => n.kind === 'member').length;
  const agencies = map.nodes.filter((n) => n.kind === 'agency').length;
  const h = map.household;
  return (
    <svg
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="mx-auto block h-auto w-full max-w-[210mm] bg-white"
      data-testid="ecomap-svg"
      fontFamily="inherit"
    >
      <title id={`${id}-title`}>{fill(e.svgTitle, { name: personName })}</title>
      <desc id={`${id}-desc`}>{fill(e.svgDesc, { members, agencies })}</desc>
      <ellipse
        cx={h.cx}
        cy={h.cy}
        rx={h.rx}
        ry={h.ry}
        fill="#f8f8fb"
        stroke={grey}
        strokeWidth={1.5}
        strokeDasharray="6 4"
      />
      <text x={h.cx} y={h.cy - h.ry + 18} textAnchor="middle" fontSize={12} fill={grey}>
        {e.household}
      </text>
      {map.edges.map((edge) => (
        <Line key={edge.id} edge={edge} />
      ))}
      {map.nodes.map((node) => (
        <NodeBox key={node.id} node={node} />
      ))}
    </svg>
  );
}

/** A short line in the style of a strength, for the legend. */
function Sample({ strength }: { strength: TieStrength }) {
  const edge: EcomapEdge = {
    id: strength,
    from: '',
    to: '',
    strength,
    roles: [],
    sources: [],
    lead: false,
    x1: 2,
    y1: 10,
    x2: 54,
    y2: 10,
  };
  return (
    <svg width={56} height={20} viewBox="0 0 56 20" aria-hidden="true">
      <Line edge={edge} />
    </svg>
  );
}

export function EcomapLegend() {
  const { t, label } = useI18n();
  const e = t.multiAgency.ecomap;
  return (
    <div data-testid="ecomap-legend">
      <p className="text-std-16B-170">{e.legend}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {tieStrengths.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <Sample strength={s} />
            {label(tieStrengthLabels[s])}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <svg width={44} height={20} viewBox="0 0 44 20" aria-hidden="true">
            <rect
              x={2}
              y={2}
              width={40}
              height={16}
              rx={3}
              fill="#fff"
              stroke={blue}
              strokeWidth={3}
            />
          </svg>
          {e.lead}
        </li>
        <li className="flex items-center gap-2">
          <svg width={44} height={20} viewBox="0 0 44 20" aria-hidden="true">
            <ellipse
              cx={22}
              cy={10}
              rx={20}
              ry={8}
              fill="#f8f8fb"
              stroke={grey}
              strokeDasharray="4 3"
            />
          </svg>
          {e.household}
        </li>
      </ul>
    </div>
  );
}

/**
 * The same ties as a table, for screen readers and for reading the roles: one row per tie, the
 * agency, whom it is tied to, the strength, the roles and where each tie was recorded. A tie of a
 * member to their own agency may have its strength changed here (`onStrength`).
 */
export function EcomapTable({
  map,
  personName,
  onStrength,
}: {
  map: EcomapView;
  personName: string;
  onStrength?: ((memberId: string, agencyId: string, strength: TieStrength) => void) | undefined;
}) {
  const { t, label } = useI18n();
  const e = t.multiAgency.ecomap;
  const rows = ecomapRows(map);
  if (rows.length === 0) return <p>{e.none}</p>;
  const whom = (end: EcomapNode | null) => {
    if (!end) return e.wholeHousehold;
    if (end.kind === 'person') return `${personName}（${e.person}）`;
    if (end.kind === 'member') {
      return `${end.label}（${label(relationshipLabel(end.relationship, end.sex))}）`;
    }
    return end.label;
  };
  return (
    <table className="w-full border-collapse text-left" data-testid="ecomap-table">
      <caption className="mb-2 text-left text-std-17B-170">{e.table}</caption>
      <thead>
        <tr className="border-b-2 border-solid-gray-420">
          <th scope="col" className="p-2">
            {e.columns.agency}
          </th>
          <th scope="col" className="p-2">
            {e.columns.to}
          </th>
          <th scope="col" className="p-2">
            {e.columns.strength}
          </th>
          <th scope="col" className="p-2">
            {e.columns.role}
          </th>
          <th scope="col" className="p-2">
            {e.columns.source}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap(({ agency, ties }) =>
          ties.map(({ edge, end }, i) => {
            const editable =
              onStrength &&
              end?.kind === 'member' &&
              agency.agencyKind === 'partner' &&
              agency.agencyId &&
              edge.sources.includes('household') &&
              !edge.sources.includes('multi_agency');
            return (
              <tr
                key={edge.id}
                className="border-b border-solid-gray-200 align-top"
                data-testid="ecomap-row"
              >
                {i === 0 ? (
                  <th scope="row" rowSpan={ties.length} className="p-2 font-normal">
                    {agency.label}
                    {agency.lead && (
                      <span className="ml-2 whitespace-nowrap rounded-4 bg-blue-900 px-2 text-dns-14B-130 text-white">
                        {e.lead}
                      </span>
                    )}
                  </th>
                ) : null}
                <td className="p-2">{whom(end)}</td>
                <td className="p-2">
                  {editable && end?.kind === 'member' && agency.agencyId ? (
                    <select
                      aria-label={fill(e.changeStrength, {
                        agency: agency.label,
                        member: end.label,
                      })}
                      value={edge.strength}
                      onChange={(ev) =>
                        onStrength(
                          end.memberId,
                          agency.agencyId as string,
                          ev.target.value as TieStrength,
                        )
                      }
                      className="rounded-4 border border-solid-gray-600 px-2 py-1"
                    >
                      {tieStrengths.map((s) => (
                        <option key={s} value={s}>
                          {label(tieStrengthLabels[s])}
                        </option>
                      ))}
                    </select>
                  ) : (
                    label(tieStrengthLabels[edge.strength])
                  )}
                </td>
                <td className="whitespace-pre-wrap p-2">{edge.roles.join('\n')}</td>
                <td className="p-2">
                  {edge.sources.map((s) => label(ecomapSourceLabels[s])).join('、')}
                </td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
