import { describe, expect, it } from 'vitest';
import {
  type AgencyNode,
  agencyAngles,
  buildEcomap,
  type EcomapInput,
  type EcomapTie,
  ecomapCanvas,
  ecomapRows,
  zigzagPoints,
} from './ecomap';

const tau = 2 * Math.PI;
const partner = (id: string, name: string) => ({ kind: 'partner' as const, id, name });

/** Seed 004's household: the son (the person), his bedridden father and his mother. */
function household(extra: EcomapTie[] = []): EcomapInput {
  const father = { kind: 'member' as const, memberId: 'father' };
  const mother = { kind: 'member' as const, memberId: 'mother' };
  return {
    person: { name: '架空 太一' },
    members: [
      { id: 'father', name: '架空 一郎', relationship: 'parent', sex: null, livesTogether: true },
      { id: 'mother', name: '架空 花子', relationship: 'parent', sex: null, livesTogether: true },
    ],
    ties: [
      {
        agency: partner('sodan', '障害者相談支援事業所'),
        end: { kind: 'person' },
        source: 'multi_agency',
        strength: 'strong',
        role: '障害福祉サービスの調整',
        lead: true,
      },
      {
        agency: partner('shogai', '障害福祉課'),
        end: { kind: 'person' },
        source: 'multi_agency',
        strength: 'normal',
        role: '支給決定',
      },
      {
        agency: partner('houkatsu', '地域包括支援センター'),
        end: father,
        source: 'multi_agency',
        strength: 'strong',
        role: '暴力への対応',
      },
      {
        agency: partner('kyotaku', '居宅介護支援事業所'),
        end: father,
        source: 'multi_agency',
        strength: 'normal',
        role: '介護サービスの調整',
      },
      {
        agency: partner('kyotaku', '居宅介護支援事業所'),
        end: mother,
        source: 'household',
        strength: null,
        role: null,
      },
      {
        agency: partner('korei', '高齢福祉課'),
        end: { kind: 'household' },
        source: 'multi_agency',
        strength: 'weak',
        role: '虐待の通報先',
      },
      ...extra,
    ],
  };
}

const agenciesOf = (map: ReturnType<typeof buildEcomap>) =>
  map.nodes.filter((n): n is AgencyNode => n.kind === 'agency');

function insideEllipse(
  p: { x: number; y: number },
  e: { cx: number; cy: number; rx: number; ry: number },
) {
  return ((p.x - e.cx) / e.rx) ** 2 + ((p.y - e.cy) / e.ry) ** 2 < 1;
}

describe('the ecomap', () => {
  it('puts the person in the centre, the members inside the household and the five agencies outside it', () => {
    const map = buildEcomap(household());
    const person = map.nodes.find((n) => n.kind === 'person');
    expect(person).toMatchObject({ label: '架空 太一', x: map.width / 2, y: map.height / 2 });
    const members = map.nodes.filter((n) => n.kind === 'member');
    expect(members.map((m) => m.label)).toEqual(['架空 一郎', '架空 花子']);
    for (const m of members) expect(insideEllipse(m, map.household)).toBe(true);
    const agencies = agenciesOf(map);
    expect(agencies.map((a) => a.label)).toEqual([
      '障害者相談支援事業所',
      '障害福祉課',
      '地域包括支援センター',
      '居宅介護支援事業所',
      '高齢福祉課',
    ]);
    for (const a of agencies) {
      expect(insideEllipse(a, map.household)).toBe(false);
      expect(a.x).toBeGreaterThan(0);
      expect(a.x).toBeLessThan(map.width);
      expect(a.y).toBeGreaterThan(0);
      expect(a.y).toBeLessThan(map.height);
    }
    expect(agencies.filter((a) => a.lead).map((a) => a.label)).toEqual(['障害者相談支援事業所']);
  });

  it('draws each agency on the side of the members it serves', () => {
    const map = buildEcomap(household());
    const father = map.nodes.find((n) => n.id === 'member:father');
    const mother = map.nodes.find((n) => n.id === 'member:mother');
    const houkatsu = agenciesOf(map).find((a) => a.agencyId === 'houkatsu');
    if (!father || !mother || !houkatsu) throw new Error('nodes missing');
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.hypot(a.x - b.x, a.y - b.y);
    // The father is on the left; the care centre that answers for him is nearer him than his wife.
    expect(father.x).toBeLessThan(map.width / 2);
    expect(distance(houkatsu, father)).toBeLessThan(distance(houkatsu, mother));
  });

  it('merges the ties of one agency to one person, keeping every role and source and the strain', () => {
    const map = buildEcomap(
      household([
        {
          agency: partner('houkatsu', '地域包括支援センター'),
          end: { kind: 'member', memberId: 'father' },
          source: 'household',
          strength: 'strained',
          role: '暴力への対応',
        },
        {
          agency: partner('houkatsu', '地域包括支援センター'),
          end: { kind: 'member', memberId: 'father' },
          source: 'plan_service',
          strength: null,
          role: '見守り',
        },
      ]),
    );
    const ties = map.edges.filter((e) => e.from === 'agency:partner:houkatsu');
    expect(ties).toHaveLength(1);
    expect(ties[0]).toMatchObject({
      to: 'member:father',
      strength: 'strained',
      roles: ['暴力への対応', '見守り'],
      sources: ['multi_agency', 'household', 'plan_service'],
    });
    // A tie that says nothing of its strength is drawn as normal; a recorded one wins over it.
    const kyotaku = map.edges.filter((e) => e.from === 'agency:partner:kyotaku');
    expect(kyotaku.map((e) => [e.to, e.strength])).toEqual([
      ['member:father', 'normal'],
      ['member:mother', 'normal'],
    ]);
  });

  it('ends a tie to the whole household on the household circle, and one to a former member too', () => {
    const map = buildEcomap(
      household([
        {
          agency: partner('school', '架空市立中学校'),
          end: { kind: 'member', memberId: 'moved-out' },
          source: 'household',
          strength: null,
          role: null,
        },
      ]),
    );
    for (const id of ['agency:partner:korei', 'agency:partner:school']) {
      const edge = map.edges.find((e) => e.from === id);
      expect(edge?.to).toBe('household');
      const h = map.household;
      const onCircle =
        ((edge?.x2 ?? 0) - h.cx) ** 2 / h.rx ** 2 + ((edge?.y2 ?? 0) - h.cy) ** 2 / h.ry ** 2;
      expect(onCircle).toBeCloseTo(1, 2);
    }
  });

  it('lists the agencies with their ties for the table beside the diagram', () => {
    const rows = ecomapRows(buildEcomap(household()));
    const kyotaku = rows.find((r) => r.agency.agencyId === 'kyotaku');
    expect(kyotaku?.ties.map((t) => t.end?.label)).toEqual(['架空 一郎', '架空 花子']);
    const korei = rows.find((r) => r.agency.agencyId === 'korei');
    expect(korei?.ties.map((t) => t.end)).toEqual([null]);
  });

  it('keeps agency boxes apart however many there are', () => {
    for (const count of [1, 2, 5, 8, 12]) {
      const ties: EcomapTie[] = Array.from({ length: count }, (_, i) => ({
        agency: partner(`p${i}`, `機関${i}`),
        end: i % 2 ? { kind: 'member', memberId: 'father' } : { kind: 'person' },
        source: 'household',
        strength: null,
        role: null,
      }));
      const map = buildEcomap({ ...household(), ties });
      const agencies = agenciesOf(map);
      expect(agencies).toHaveLength(count);
      for (const [i, a] of agencies.entries()) {
        for (const b of agencies.slice(i + 1)) {
          // Boxes of 150 × 44: apart in at least one direction.
          const apart = Math.abs(a.x - b.x) >= 150 || Math.abs(a.y - b.y) >= 44;
          expect(apart, `${a.label} and ${b.label} with ${count}`).toBe(true);
        }
      }
    }
  });
});

describe('agency angles', () => {
  it('are evenly spaced and keep the order of the wishes', () => {
    const wishes = [0.1, 3, 1.5, 4.5];
    const angles = agencyAngles(wishes);
    const sorted = [...angles].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeCloseTo(tau / 4, 6);
    }
    const order = (list: number[]) =>
      list.map((_, i) => i).sort((a, b) => (list[a] ?? 0) - (list[b] ?? 0));
    // Cyclic order is the order of the wishes, wherever the circle starts.
    const got = order(angles);
    const want = order(wishes);
    const start = got.indexOf(want[0] ?? 0);
    expect([...got.slice(start), ...got.slice(0, start)]).toEqual(want);
  });

  it('put agencies without a wish into the widest gap', () => {
    const [a, b, free] = agencyAngles([0, 0.2, null]);
    const gapMid = Math.PI + 0.1;
    const d = (x: number, y: number) => Math.abs(Math.atan2(Math.sin(x - y), Math.cos(x - y)));
    expect(d(free ?? 0, gapMid)).toBeLessThan(d(free ?? 0, a ?? 0));
    expect(d(free ?? 0, gapMid)).toBeLessThan(d(free ?? 0, b ?? 0));
  });

  it('start at the top when nobody has a wish', () => {
    const [only] = agencyAngles([null]);
    expect(Math.sin(only ?? 0)).toBeCloseTo(-1, 6);
    expect(ecomapCanvas.agencyRy).toBeLessThan(ecomapCanvas.height / 2);
  });
});

describe('a strained tie', () => {
  it('zigzags from one end to the other, off the line on alternate sides', () => {
    const points = zigzagPoints(0, 0, 100, 0, 5, 20);
    expect(points[0]).toEqual([0, 0]);
    expect(points.at(-1)).toEqual([100, 0]);
    const inner = points.slice(1, -1);
    expect(inner.length).toBeGreaterThan(5);
    for (const [i, [, y]] of inner.entries()) expect(y).toBe(i % 2 === 0 ? 5 : -5);
    expect(zigzagPoints(3, 3, 3, 3)).toEqual([[3, 3]]);
  });
});
