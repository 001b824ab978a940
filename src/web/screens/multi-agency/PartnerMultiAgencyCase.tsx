import {
  multiAgencyStatusLabels,
  reviewOutcomeLabels,
  tieStrengthLabels,
} from '../../../domain/multi-agency/multi-agency-case';
import { Section } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { PartnerMultiAgencyCaseView } from './multi-agency-data';

type Pm = PartnerMultiAgencyCaseView;

/**
 * A multi-agency case as partner staff read it under the person's consent: the status, the
 * agencies with their roles and the lead, the joint plan, and when the 重層的支援会議 looked at it —
 * nothing to change, and nothing of the household beyond what the roles name.
 */
export function PartnerMultiAgencyCase({ m }: { m: Pm }) {
  const { t, label, lang } = useI18n();
  const c = t.multiAgency.members;
  const p = t.multiAgency.plan;
  const r = t.multiAgency.review;
  const s = t.multiAgency.summary;
  const summary: [string, string, string | undefined][] = [
    [t.multiAgency.columns.status, label(multiAgencyStatusLabels[m.status]), 'ma-status'],
    [s.coordinator, m.coordinatorName ?? t.multiAgency.undecided, undefined],
  ];
  const plan: [string, string | null][] = [
    [p.situation, m.plan.situation],
    [p.issues, m.plan.issues],
    [p.goal, m.plan.goal],
    [p.policy, m.plan.policy],
    [p.writtenOn, formatDate(m.plan.writtenOn, lang)],
    [p.reviewOn, formatDate(m.plan.reviewOn, lang)],
  ];
  const whom = (member: Pm['members'][number]) => {
    if (member.supports !== 'member') return c.targets[member.supports];
    const h = member.householdMember;
    if (!h) return c.targets.member;
    return h.relationship ? `${h.name}（${label(h.relationship)}）` : h.name;
  };
  return (
    <div data-testid="multi-agency-case">
      <Section title={s.title}>
        <p className="mb-4 max-w-3xl">{t.multiAgency.partnerLead}</p>
        <dl
          className="grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2"
          data-testid="ma-summary"
        >
          {summary.map(([k, v, testId]) => (
            <div key={k} className="contents">
              <dt className="text-std-16B-170">{k}</dt>
              <dd data-testid={testId}>{v}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title={c.title}>
        {m.members.length === 0 ? (
          <p>{c.none}</p>
        ) : (
          <table className="w-full border-collapse text-left" data-testid="ma-members">
            <thead>
              <tr className="border-b-2 border-solid-gray-420">
                <th scope="col" className="p-2">
                  {c.agency}
                </th>
                <th scope="col" className="p-2">
                  {c.supports}
                </th>
                <th scope="col" className="p-2">
                  {c.role}
                </th>
                <th scope="col" className="p-2">
                  {c.strength}
                </th>
              </tr>
            </thead>
            <tbody>
              {m.members.map((member) => (
                <tr
                  key={member.id}
                  className="border-b border-solid-gray-200 align-top"
                  data-testid="ma-member"
                  data-lead={member.lead ? 'true' : undefined}
                >
                  <th scope="row" className="p-2 font-normal">
                    {member.agency.name}
                    {member.lead && (
                      <span className="ml-2 whitespace-nowrap rounded-4 bg-blue-900 px-2 text-dns-14B-130 text-white">
                        {c.leadBadge}
                      </span>
                    )}
                    {member.contactName && (
                      <span className="block text-dns-14N-130">
                        {c.contact}：{member.contactName}
                      </span>
                    )}
                  </th>
                  <td className="p-2">{whom(member)}</td>
                  <td className="whitespace-pre-wrap p-2">{member.role}</td>
                  <td className="whitespace-nowrap p-2">
                    {label(tieStrengthLabels[member.tieStrength])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={p.title}>
        {m.status === 'referred' && <p>{p.notYet}</p>}
        <dl className="grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2" data-testid="ma-plan">
          {plan.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-std-16B-170">{k}</dt>
              <dd className="whitespace-pre-wrap">{v || p.empty}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title={r.title}>
        {m.reviews.length === 0 ? (
          <p>{r.none}</p>
        ) : (
          <ul className="grid gap-3" data-testid="ma-reviews">
            {m.reviews.map((x, i) => (
              <li
                // Reviews carry no id in this view; their order (newest first) is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is read-only and ordered
                key={i}
                className="rounded-8 border border-solid-gray-300 p-3"
                data-testid="ma-review"
              >
                <p className="text-std-16B-170">
                  {formatDate(x.reviewedOn, lang)}　{label(reviewOutcomeLabels[x.outcome])}
                </p>
                {x.nextReviewOn && (
                  <p>
                    {r.nextReviewOn}：{formatDate(x.nextReviewOn, lang)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
