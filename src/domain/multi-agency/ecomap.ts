import type { TieStrength } from './multi-agency-case';

/**
 * エコマップ (issue 4 item 9): a household drawn from the data — the person in the centre, the
 * household members around them inside the household's circle, and outside it every agency and
 * resource tied to one of them, each tie with its strength. The server gathers the ties (the
 * members' own agencies, the agencies of a multi-agency case, the plan's providers, referrals that
 * arrived); this module merges them into one graph and lays it out, so the screen and the printed
 * sheet draw the same picture.
 */

/** Where a tie was learnt: it shows in the table beside the diagram. */
export const ecomapSources = [
  'multi_agency',
  'household',
  'plan_service',
  'referral',
  'own_agency',
] as const;
export type EcomapSource = (typeof ecomapSources)[number];

export const ecomapSourceLabels: Record<EcomapSource, { ja: string; en: string }> = {
  multi_agency: { ja: '多機関協働', en: 'Multi-agency case' },
  household: { ja: '世帯員の関係機関', en: 'Household member’s agency' },
  plan_service: { ja: 'プランの支援', en: 'Plan service' },
  referral: { ja: 'つなぎ', en: 'Referral' },
  own_agency: { ja: '担当の相談支援機関', en: 'Support agency of the case' },
};

/** A partner agency, a support agency, a resource of the directory, or a provider named in words. */
export type EcomapAgencyKind = 'partner' | 'support' | 'resource' | 'named';

export interface EcomapAgency {
  kind: EcomapAgencyKind;
  /** The record's id; null for a provider known only by name. */
  id: string | null;
  name: string;
}

/** The person, the whole household, or one household member. */
export type TieEnd =
  | { kind: 'person' }
  | { kind: 'household' }
  | { kind: 'member'; memberId: string };

export interface EcomapTie {
  agency: EcomapAgency;
  end: TieEnd;
  source: EcomapSource;
  /** As recorded; null where the source says nothing about it (drawn as normal). */
  strength: TieStrength | null;
  /** What the agency does for them (役割分担, the plan's service). */
  role: string | null;
  /** The agency is the lead (主担当) of the multi-agency case. */
  lead?: boolean;
}

export interface EcomapInput {
  person: { name: string };
  members: readonly {
    id: string;
    name: string;
    relationship: string;
    sex: string | null;
    livesTogether: boolean;
  }[];
  ties: readonly EcomapTie[];
}

export type EcomapNode =
  | { id: 'person'; kind: 'person'; label: string; x: number; y: number }
  | {
      id: string;
      kind: 'member';
      memberId: string;
      label: string;
      relationship: string;
      sex: string | null;
      livesTogether: boolean;
      x: number;
      y: number;
    }
  | {
      id: string;
      kind: 'agency';
      agencyKind: EcomapAgencyKind;
      agencyId: string | null;
      label: string;
      lead: boolean;
      x: number;
      y: number;
    };

export type AgencyNode = Extract<EcomapNode, { kind: 'agency' }>;
export type MemberNode = Extract<EcomapNode, { kind: 'member' }>;

export interface EcomapEdge {
  id: string;
  /** The agency's node. */
  from: string;
  /** `person`, `household`, or a member's node. */
  to: string;
  strength: TieStrength;
  roles: string[];
  sources: EcomapSource[];
  lead: boolean;
  /** Drawn from the agency (x1, y1) to the person, the member, or the household's circle (x2, y2). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Ecomap {
  width: number;
  height: number;
  /** The household's circle, around the person and the members. */
  household: { cx: number; cy: number; rx: number; ry: number };
  nodes: EcomapNode[];
  edges: EcomapEdge[];
}

export function agencyNodeId(agency: EcomapAgency): string {
  return `agency:${agency.kind}:${agency.id ?? agency.name}`;
}

export function endNodeId(end: TieEnd): string {
  if (end.kind === 'member') return `member:${end.memberId}`;
  return end.kind;
}

/** A strain shows above everything; otherwise the strongest recorded tie. */
const strengthRank: Record<TieStrength, number> = { strained: 3, strong: 2, normal: 1, weak: 0 };

function mergeStrength(a: TieStrength | null, b: TieStrength | null): TieStrength | null {
  if (a === null) return b;
  if (b === null) return a;
  return strengthRank[b] > strengthRank[a] ? b : a;
}

interface MergedEdge {
  from: string;
  to: string;
  strength: TieStrength | null;
  roles: string[];
  sources: EcomapSource[];
  lead: boolean;
}

/** The canvas (SVG user units) and the rings the layout uses. */
export const ecomapCanvas = {
  width: 840,
  height: 600,
  /** The members' ring, around the person. */
  memberRx: 150,
  memberRy: 82,
  /** The agencies' ring, outside the household. */
  agencyRx: 335,
  agencyRy: 238,
} as const;

const tau = 2 * Math.PI;

function normalise(angle: number): number {
  const a = angle % tau;
  return a < 0 ? a + tau : a;
}

function circularMean(angles: readonly number[]): number {
  const x = angles.reduce((sum, a) => sum + Math.cos(a), 0);
  const y = angles.reduce((sum, a) => sum + Math.sin(a), 0);
  return normalise(Math.atan2(y, x));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Angles on the agencies' ring, evenly spaced and in the order of the angles each agency would
 * like (towards the members it is tied to). Agencies tied only to the person or the household
 * have no wish and go into the widest gaps.
 */
export function agencyAngles(wishes: readonly (number | null)[]): number[] {
  const n = wishes.length;
  if (n === 0) return [];
  // A cyclic order of the agencies: those with a wish by angle, the others in the widest gaps.
  const placed = wishes
    .map((angle, index) => ({ index, angle }))
    .filter((w): w is { index: number; angle: number } => w.angle !== null)
    .map((w) => ({ index: w.index, angle: normalise(w.angle) }))
    .sort((a, b) => a.angle - b.angle || a.index - b.index);
  for (const [index, angle] of wishes.entries()) {
    if (angle !== null) continue;
    if (placed.length === 0) {
      // Nobody to avoid: start at the top, like a clock.
      placed.push({ index, angle: normalise(-Math.PI / 2) });
      continue;
    }
    let widest = 0;
    let widestGap = -1;
    for (let i = 0; i < placed.length; i++) {
      const here = placed[i]?.angle ?? 0;
      const next =
        i + 1 < placed.length ? (placed[i + 1]?.angle ?? 0) : (placed[0]?.angle ?? 0) + tau;
      if (next - here > widestGap + 1e-9) {
        widestGap = next - here;
        widest = i;
      }
    }
    const start = placed[widest]?.angle ?? 0;
    placed.splice(widest + 1, 0, { index, angle: normalise(start + widestGap / 2) });
    placed.sort((a, b) => a.angle - b.angle);
  }
  // Even slots, turned so that each agency lands as near its wish as the order allows.
  const step = tau / n;
  const offset = circularMean(placed.map((p, k) => p.angle - k * step));
  const result = new Array<number>(n).fill(0);
  for (const [k, p] of placed.entries()) result[p.index] = normalise(offset + k * step);
  return result;
}

/** The graph of a household's ties, merged (one edge per agency and end) and laid out. */
export function buildEcomap(input: EcomapInput): Ecomap {
  const c = ecomapCanvas;
  const cx = c.width / 2;
  const cy = c.height / 2;
  const memberIds = new Set(input.members.map((m) => m.id));

  // Agencies in the order they first appear; edges merged per agency and end.
  const agencies = new Map<string, { agency: EcomapAgency; lead: boolean }>();
  const merged = new Map<string, MergedEdge>();
  for (const tie of input.ties) {
    // A tie to someone no longer in the household is drawn to the household as a whole.
    const end: TieEnd =
      tie.end.kind === 'member' && !memberIds.has(tie.end.memberId)
        ? { kind: 'household' }
        : tie.end;
    const from = agencyNodeId(tie.agency);
    const to = endNodeId(end);
    const known = agencies.get(from);
    agencies.set(from, {
      agency: known?.agency ?? tie.agency,
      lead: (known?.lead ?? false) || tie.lead === true,
    });
    const key = `${from}|${to}`;
    const edge = merged.get(key) ?? {
      from,
      to,
      strength: null,
      roles: [],
      sources: [],
      lead: false,
    };
    edge.strength = mergeStrength(edge.strength, tie.strength);
    const role = tie.role?.trim();
    if (role && !edge.roles.includes(role)) edge.roles.push(role);
    if (!edge.sources.includes(tie.source)) edge.sources.push(tie.source);
    edge.lead ||= tie.lead === true;
    merged.set(key, edge);
  }

  // Members on a ring around the person, the first on the left.
  const n = input.members.length;
  const memberAngle = new Map<string, number>();
  const memberNodes: MemberNode[] = input.members.map((m, i) => {
    const angle = normalise(Math.PI + (tau * i) / n);
    memberAngle.set(`member:${m.id}`, angle);
    return {
      id: `member:${m.id}`,
      kind: 'member',
      memberId: m.id,
      label: m.name,
      relationship: m.relationship,
      sex: m.sex,
      livesTogether: m.livesTogether,
      x: round(cx + c.memberRx * Math.cos(angle)),
      y: round(cy + c.memberRy * Math.sin(angle)),
    };
  });
  const household =
    n === 0 ? { cx, cy, rx: 105, ry: 52 } : { cx, cy, rx: c.memberRx + 85, ry: c.memberRy + 48 };

  // Agencies on the outer ring, each towards the members it is tied to.
  const agencyKeys = [...agencies.keys()];
  const wishes = agencyKeys.map((key) => {
    const angles = [...merged.values()]
      .filter((e) => e.from === key)
      .flatMap((e) => {
        const angle = memberAngle.get(e.to);
        return angle === undefined ? [] : [angle];
      });
    return angles.length > 0 ? circularMean(angles) : null;
  });
  const angles = agencyAngles(wishes);
  const agencyAngle = new Map<string, number>();
  const agencyNodes: AgencyNode[] = agencyKeys.map((key, i) => {
    const angle = angles[i] ?? 0;
    agencyAngle.set(key, angle);
    const { agency, lead } = agencies.get(key) ?? {
      agency: { kind: 'named', id: null, name: '' },
      lead: false,
    };
    return {
      id: key,
      kind: 'agency',
      agencyKind: agency.kind,
      agencyId: agency.id,
      label: agency.name,
      lead,
      x: round(cx + c.agencyRx * Math.cos(angle)),
      y: round(cy + c.agencyRy * Math.sin(angle)),
    };
  });

  const position = new Map<string, { x: number; y: number }>([
    ['person', { x: cx, y: cy }],
    ...memberNodes.map((m) => [m.id, { x: m.x, y: m.y }] as const),
    ...agencyNodes.map((a) => [a.id, { x: a.x, y: a.y }] as const),
  ]);
  const edges: EcomapEdge[] = [...merged.values()].map((e) => {
    const start = position.get(e.from) ?? { x: cx, y: cy };
    const angle = agencyAngle.get(e.from) ?? 0;
    const end =
      e.to === 'household'
        ? {
            x: round(cx + household.rx * Math.cos(angle)),
            y: round(cy + household.ry * Math.sin(angle)),
          }
        : (position.get(e.to) ?? { x: cx, y: cy });
    return {
      id: `${e.from}|${e.to}`,
      from: e.from,
      to: e.to,
      strength: e.strength ?? 'normal',
      roles: e.roles,
      sources: e.sources,
      lead: e.lead,
      x1: start.x,
      y1: start.y,
      x2: end.x,
      y2: end.y,
    };
  });

  return {
    width: c.width,
    height: c.height,
    household,
    nodes: [
      { id: 'person', kind: 'person', label: input.person.name, x: cx, y: cy },
      ...memberNodes,
      ...agencyNodes,
    ],
    edges,
  };
}

/**
 * The points of a zigzag line between two points, for a strained tie: teeth of the given
 * amplitude every `wavelength` units, starting and ending on the line itself.
 */
export function zigzagPoints(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  amplitude = 5,
  wavelength = 14,
): [number, number][] {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [[x1, y1]];
  const teeth = Math.max(1, Math.floor(length / (wavelength / 2)));
  const ux = dx / length;
  const uy = dy / length;
  const points: [number, number][] = [[x1, y1]];
  for (let i = 1; i < teeth; i++) {
    const along = (length * i) / teeth;
    const side = i % 2 === 1 ? amplitude : -amplitude;
    points.push([round(x1 + ux * along - uy * side), round(y1 + uy * along + ux * side)]);
  }
  points.push([x2, y2]);
  return points;
}

/** The agencies of a graph, tied to whom, in the order the table beside the diagram lists them. */
export function ecomapRows(map: Ecomap) {
  const label = new Map(map.nodes.map((n) => [n.id, n] as const));
  return map.nodes
    .filter((n): n is AgencyNode => n.kind === 'agency')
    .map((agency) => ({
      agency,
      ties: map.edges
        .filter((e) => e.from === agency.id)
        .map((e) => ({ edge: e, end: e.to === 'household' ? null : (label.get(e.to) ?? null) })),
    }));
}
