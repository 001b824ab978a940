import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { relationshipLabel } from '../../../domain/cases/vocabulary';
import {
  isOpenMultiAgencyStatus,
  multiAgencyStatusLabels,
  reviewOutcomeLabels,
  reviewOutcomesFor,
  supportTargets,
  tieStrengthLabels,
  tieStrengths,
} from '../../../domain/multi-agency/multi-agency-case';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, useCaseStaff, usePartners } from '../cases/case-data';
import { EcomapPanel } from './EcomapPanel';
import {
  type MultiAgencyCaseView,
  useCaseMultiAgency,
  useMultiAgencyStep,
  useRefreshMultiAgency,
  useSupportAgencies,
} from './multi-agency-data';

type Ma = MultiAgencyCaseView;
type Member = Ma['members'][number];
type Sitting = { id: string; heldOn: string; seriesName: string; itemId: string };

/** What the request schemas accept; the server validates the values. */
type Json<T> = T extends (args: { json: infer J }) => unknown ? J : never;

function StepError({
  error,
}: {
  error: { message: string; fields: Record<string, string> } | null;
}) {
  if (!error || Object.keys(error.fields).length > 0) return null;
  return <Notice tone="error" title={error.message} />;
}

function ReferForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const r = t.multiAgency.refer;
  const partners = usePartners();
  const supportAgencies = useSupportAgencies();
  const staff = useCaseStaff();
  const refresh = useRefreshMultiAgency(caseId);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `multi-agency-refer:${caseId}`,
    initial: {
      referredOn: todayInJapan(),
      kind: 'partner',
      partnerAgencyId: '',
      supportAgencyId: '',
      referrerContact: '',
      reason: '',
      coordinatorId: '',
    },
    version: null,
    submit: async ({ kind, ...values }) =>
      (
        await api.cases[':id']['multi-agency'].$post({
          param: { id: caseId },
          json: {
            ...values,
            partnerAgencyId: kind === 'partner' ? values.partnerAgencyId : '',
            supportAgencyId: kind === 'support' ? values.supportAgencyId : '',
          } as Json<(typeof api.cases)[':id']['multi-agency']['$post']>,
        })
      ).json(),
    // The form gives way to the case once it is read again: it waits for that.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  return (
    <Form form={form} className="max-w-3xl" data-testid="refer-form">
      <p className="mb-4">{r.lead}</p>
      <FormFeedback
        form={form}
        labels={{
          referredOn: r.referredOn,
          partnerAgencyId: r.partnerAgency,
          supportAgencyId: r.supportAgency,
          reason: r.reason,
          coordinatorId: r.coordinator,
        }}
      />
      <DateField label={r.referredOn} required {...text(flat, 'referredOn')} />
      <RadioGroup
        id="kind"
        label={r.referrerKind}
        required
        options={[
          { value: 'partner', label: r.partner },
          { value: 'support', label: r.support },
        ]}
        value={String(form.values.kind)}
        onChange={(v) => form.set('kind', v)}
      />
      {form.values.kind === 'partner' ? (
        <SelectField
          label={r.partnerAgency}
          required
          placeholder=""
          options={partners.options}
          {...text(flat, 'partnerAgencyId')}
        />
      ) : (
        <SelectField
          label={r.supportAgency}
          required
          placeholder=""
          options={supportAgencies}
          {...text(flat, 'supportAgencyId')}
        />
      )}
      <TextField label={r.contact} {...text(flat, 'referrerContact')} />
      <TextArea label={r.reason} hint={r.reasonHint} required rows={4} {...text(flat, 'reason')} />
      <SelectField
        label={r.coordinator}
        hint={r.coordinatorHint}
        placeholder=""
        options={staff}
        {...text(flat, 'coordinatorId')}
      />
      <Button type="submit" disabled={form.submitting}>
        {r.submit}
      </Button>
    </Form>
  );
}

function Summary({ m }: { m: Ma }) {
  const { t, label, lang } = useI18n();
  const s = t.multiAgency.summary;
  const rows: [string, string][] = [
    [t.multiAgency.columns.status, label(multiAgencyStatusLabels[m.status])],
    [s.referredOn, formatDate(m.referredOn, lang)],
    [
      s.referredBy,
      `${m.referrer?.name ?? ''}${m.referrerContact ? `（${m.referrerContact}）` : ''}`,
    ],
    [s.reason, m.referralReason],
    [s.coordinator, m.coordinatorName ?? t.multiAgency.undecided],
    ...(m.acceptedOn ? [[s.acceptedOn, formatDate(m.acceptedOn, lang)] as [string, string]] : []),
  ];
  return (
    <dl className="grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2" data-testid="ma-summary">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-std-16B-170">{k}</dt>
          <dd
            className="whitespace-pre-wrap"
            data-testid={k === t.multiAgency.columns.status ? 'ma-status' : undefined}
          >
            {v}
          </dd>
        </div>
      ))}
      {m.status === 'returned' && (
        <p className="col-span-2" data-testid="ma-returned">
          {fill(t.multiAgency.returning.summary, {
            date: formatDate(m.returnedOn, lang),
            who: m.returnConsultedWith ?? '',
          })}
          <br />
          {m.returnReason}
        </p>
      )}
      {m.status === 'ended' && (
        <p className="col-span-2" data-testid="ma-ended">
          {fill(t.multiAgency.end.summary, {
            date: formatDate(m.endedOn, lang),
            carrier: m.carrier?.name ?? '',
          })}
          {m.returnedToReferrer && t.multiAgency.end.backToReferrer}
          <br />
          {m.endReason}
        </p>
      )}
    </dl>
  );
}

function Accept({ m, caseId }: { m: Ma; caseId: string }) {
  const { t } = useI18n();
  const a = t.multiAgency.accept;
  const staff = useCaseStaff();
  const [on, setOn] = useState(todayInJapan());
  const [coordinatorId, setCoordinator] = useState(m.coordinatorId ?? '');
  const { error, run } = useMultiAgencyStep(caseId);
  return (
    <div className="max-w-2xl" data-testid="ma-accept">
      <StepError error={error} />
      <DateField
        id="ma-accepted-on"
        label={a.acceptedOn}
        required
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={error?.fields.acceptedOn}
      />
      <SelectField
        id="ma-coordinator"
        label={a.coordinator}
        hint={a.coordinatorHint}
        placeholder=""
        options={staff}
        value={coordinatorId}
        onChange={(e) => setCoordinator(e.target.value)}
        error={error?.fields.coordinatorId}
      />
      <Button
        onClick={() =>
          void run(() =>
            api['multi-agency'][':id'].acceptance.$post({
              param: { id: m.id },
              json: { version: m.version, acceptedOn: on, coordinatorId },
            }),
          )
        }
      >
        {a.submit}
      </Button>
    </div>
  );
}

function Return({ m, caseId }: { m: Ma; caseId: string }) {
  const { t } = useI18n();
  const r = t.multiAgency.returning;
  const [on, setOn] = useState(todayInJapan());
  const [reason, setReason] = useState('');
  const [consultedWith, setConsulted] = useState('');
  const { error, run } = useMultiAgencyStep(caseId);
  return (
    <Disclosure summary={r.open} className="mt-4 max-w-2xl">
      <div className="mt-3" data-testid="ma-return">
        <p className="mb-4">{r.lead}</p>
        <StepError error={error} />
        <DateField
          id="ma-returned-on"
          label={r.returnedOn}
          required
          value={on}
          onChange={(e) => setOn(e.target.value)}
          error={error?.fields.returnedOn}
        />
        <TextArea
          id="ma-return-reason"
          label={r.reason}
          required
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fields.reason}
        />
        <TextField
          id="ma-consulted-with"
          label={r.consultedWith}
          required
          value={consultedWith}
          onChange={(e) => setConsulted(e.target.value)}
          error={error?.fields.consultedWith}
        />
        <Button
          variant="danger"
          onClick={() =>
            void run(() =>
              api['multi-agency'][':id'].return.$post({
                param: { id: m.id },
                json: { version: m.version, returnedOn: on, reason, consultedWith },
              }),
            )
          }
        >
          {r.submit}
        </Button>
      </div>
    </Disclosure>
  );
}

function whomLabel(
  member: Member,
  t: ReturnType<typeof useI18n>['t'],
  label: ReturnType<typeof useI18n>['label'],
) {
  const targets = t.multiAgency.members.targets;
  if (member.supports === 'member') {
    const relation = member.householdMemberRelationship
      ? label(relationshipLabel(member.householdMemberRelationship, member.householdMemberSex))
      : '';
    return `${member.householdMemberName ?? ''}（${relation}）`;
  }
  return targets[member.supports];
}

function MemberFields({
  form,
  m,
  idPrefix,
}: {
  form: ReturnType<typeof asFlat>;
  m: Ma;
  idPrefix?: string;
}) {
  const { t, label } = useI18n();
  const c = t.multiAgency.members;
  return (
    <>
      <RadioGroup
        id={`${idPrefix ?? ''}supports`}
        label={c.supports}
        required
        options={supportTargets.map((s) => ({ value: s, label: c.targets[s] }))}
        value={String(form.values.supports)}
        onChange={(v) => form.set('supports', v)}
        error={form.errors.supports}
      />
      {form.values.supports === 'member' && (
        <SelectField
          label={c.householdMember}
          required
          placeholder=""
          options={m.household.map((h) => ({
            value: h.id,
            label: `${h.name}（${label(relationshipLabel(h.relationship, h.sex))}）`,
          }))}
          {...text(form, 'householdMemberId')}
        />
      )}
      <TextArea label={c.role} required rows={2} {...text(form, 'role')} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField label={c.contact} {...text(form, 'contactName')} />
        <SelectField
          label={c.strength}
          options={optionsOf(tieStrengths, tieStrengthLabels, label)}
          {...text(form, 'tieStrength')}
        />
      </div>
    </>
  );
}

function AddMember({ m, caseId }: { m: Ma; caseId: string }) {
  const { t } = useI18n();
  const c = t.multiAgency.members;
  const partners = usePartners();
  const supportAgencies = useSupportAgencies();
  const refresh = useRefreshMultiAgency(caseId);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `multi-agency-member:${m.id}`,
    initial: {
      kind: 'partner',
      partnerAgencyId: '',
      supportAgencyId: '',
      supports: 'person',
      householdMemberId: '',
      role: '',
      contactName: '',
      tieStrength: 'normal',
      joinedOn: todayInJapan(),
      lead: false,
    },
    version: null,
    submit: async ({ kind, ...values }) =>
      (
        await api['multi-agency'][':id'].members.$post({
          param: { id: m.id },
          json: {
            ...values,
            partnerAgencyId: kind === 'partner' ? values.partnerAgencyId : '',
            supportAgencyId: kind === 'support' ? values.supportAgencyId : '',
          } as Json<(typeof api)['multi-agency'][':id']['members']['$post']>,
        })
      ).json(),
    onSaved: () => {
      form.reset(
        {
          ...form.values,
          partnerAgencyId: '',
          supportAgencyId: '',
          role: '',
          contactName: '',
          lead: false,
        },
        null,
      );
      void refresh();
    },
  });
  const flat = asFlat(form, 'add-');
  return (
    <Form form={form} className="max-w-3xl" data-testid="add-member">
      <FormFeedback
        form={form}
        idPrefix="add-"
        labels={{
          partnerAgencyId: c.partnerAgency,
          supportAgencyId: c.supportAgency,
          supports: c.supports,
          householdMemberId: c.householdMember,
          role: c.role,
          joinedOn: c.joinedOn,
        }}
      />
      <RadioGroup
        id="add-kind"
        label={c.kind}
        required
        options={[
          { value: 'partner', label: c.partnerAgency },
          { value: 'support', label: c.supportAgency },
        ]}
        value={String(form.values.kind)}
        onChange={(v) => form.set('kind', v)}
      />
      {form.values.kind === 'partner' ? (
        <SelectField
          label={c.partnerAgency}
          hint={c.consentHint}
          required
          placeholder=""
          options={partners.options}
          {...text(flat, 'partnerAgencyId')}
        />
      ) : (
        <SelectField
          label={c.supportAgency}
          required
          placeholder=""
          options={supportAgencies}
          {...text(flat, 'supportAgencyId')}
        />
      )}
      <MemberFields form={flat} m={m} idPrefix="add-" />
      <DateField label={c.joinedOn} required {...text(flat, 'joinedOn')} />
      <Checkbox label={c.asLead} {...flag(flat, 'lead')} />
      <Button type="submit" disabled={form.submitting} className="mt-4">
        {c.add}
      </Button>
    </Form>
  );
}

function EditMember({ m, member, caseId }: { m: Ma; member: Member; caseId: string }) {
  const { t } = useI18n();
  const c = t.multiAgency.members;
  const refresh = useRefreshMultiAgency(caseId);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `multi-agency-member:${member.id}`,
    initial: {
      supports: member.supports,
      householdMemberId: member.householdMemberId ?? '',
      role: member.role,
      contactName: member.contactName ?? '',
      tieStrength: member.tieStrength,
    },
    version: member.version,
    submit: async (values, version) =>
      (
        await api['multi-agency'][':id'].members[':memberId'].$put({
          param: { id: m.id, memberId: member.id },
          json: { ...values, version: version ?? member.version } as Json<
            (typeof api)['multi-agency'][':id']['members'][':memberId']['$put']
          >,
        })
      ).json(),
    // The saved member comes back as a new form (keyed by its version): wait for it.
    onSaved: () => refresh(),
  });
  const prefix = `m-${member.id}-`;
  const flat = asFlat(form, prefix);
  return (
    <Form form={form} className="mt-3">
      <FormFeedback form={form} idPrefix={prefix} labels={{ role: c.role, supports: c.supports }} />
      <MemberFields form={flat} m={m} idPrefix={prefix} />
      <Button type="submit" disabled={form.submitting}>
        {c.save}
      </Button>
    </Form>
  );
}

function LeaveMember({ m, member, caseId }: { m: Ma; member: Member; caseId: string }) {
  const { t } = useI18n();
  const c = t.multiAgency.members;
  const [on, setOn] = useState(todayInJapan());
  const { error, run } = useMultiAgencyStep(caseId);
  return (
    <div className="mt-3">
      <StepError error={error} />
      <DateField
        id={`leave-${member.id}`}
        label={c.leftOn}
        required
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={error?.fields.leftOn}
      />
      <Button
        variant="danger"
        onClick={() =>
          void run(() =>
            api['multi-agency'][':id'].members[':memberId'].leave.$post({
              param: { id: m.id, memberId: member.id },
              json: { version: member.version, leftOn: on },
            }),
          )
        }
      >
        {c.leaveSubmit}
      </Button>
    </div>
  );
}

function Members({ m, caseId }: { m: Ma; caseId: string }) {
  const { t, label, lang } = useI18n();
  const c = t.multiAgency.members;
  const { error, run } = useMultiAgencyStep(caseId);
  const current = m.members.filter((x) => !x.leftOn);
  const past = m.members.filter((x) => x.leftOn);
  return (
    <Section title={c.title}>
      <StepError error={error} />
      {current.length > 0 && !current.some((x) => x.lead) && m.abilities.edit && (
        <Notice tone="warning" title={c.noLead} />
      )}
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
              {m.abilities.edit && (
                <th scope="col" className="p-2">
                  {t.app.actions}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {[...current, ...past].map((member) => {
              const editable = m.abilities.edit && !member.leftOn;
              return (
                <Fragment key={member.id}>
                  <tr
                    className={`align-top ${editable ? '' : 'border-b border-solid-gray-200'} ${member.leftOn ? 'text-solid-gray-700' : ''}`}
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
                      {member.leftOn && (
                        <span className="block text-dns-14N-130">
                          {fill(c.left, { date: formatDate(member.leftOn, lang) })}
                        </span>
                      )}
                    </th>
                    <td className="p-2">{whomLabel(member, t, label)}</td>
                    <td className="whitespace-pre-wrap p-2">{member.role}</td>
                    <td className="whitespace-nowrap p-2">
                      {label(tieStrengthLabels[member.tieStrength])}
                    </td>
                    {m.abilities.edit && (
                      <td className="p-2">
                        {editable && !member.lead && (
                          <Button
                            variant="secondary"
                            className="whitespace-nowrap"
                            onClick={() =>
                              void run(() =>
                                api['multi-agency'][':id'].lead.$post({
                                  param: { id: m.id },
                                  json: { version: m.version, memberId: member.id },
                                }),
                              )
                            }
                          >
                            {c.makeLead}
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                  {editable && (
                    <tr className="border-b border-solid-gray-200">
                      <td colSpan={5} className="px-2 pb-3">
                        <div className="flex flex-wrap gap-x-8 gap-y-2">
                          <Disclosure
                            summary={fill(c.editOf, { agency: member.agency.name })}
                            className="min-w-[20rem] flex-1"
                          >
                            <EditMember
                              key={member.version}
                              m={m}
                              member={member}
                              caseId={caseId}
                            />
                          </Disclosure>
                          {!member.lead && (
                            <Disclosure
                              summary={fill(c.leaveOf, { agency: member.agency.name })}
                              className="min-w-[20rem] flex-1"
                            >
                              <LeaveMember m={m} member={member} caseId={caseId} />
                            </Disclosure>
                          )}
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {m.abilities.edit && (
        <Disclosure
          summary={c.add}
          className="mt-6"
          summaryClassName="cursor-pointer text-std-17B-170 text-blue-1000 underline"
        >
          <div className="mt-4">
            <AddMember m={m} caseId={caseId} />
          </div>
        </Disclosure>
      )}
    </Section>
  );
}

function JointPlan({ m, caseId }: { m: Ma; caseId: string }) {
  const { t, lang } = useI18n();
  const p = t.multiAgency.plan;
  const refresh = useRefreshMultiAgency(caseId);
  const editable = m.abilities.edit && m.status !== 'referred';
  const toValues = (r: Record<string, unknown>) => ({
    situation: String(r.situation ?? ''),
    issues: String(r.issues ?? ''),
    goal: String(r.goal ?? ''),
    policy: String(r.policy ?? ''),
    writtenOn: String(r.writtenOn ?? ''),
    reviewOn: String(r.reviewOn ?? ''),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `multi-agency-plan:${m.id}`,
    initial: toValues(m.plan),
    version: m.version,
    fromRecord: toValues,
    submit: async (values, version) =>
      (
        await api['multi-agency'][':id'].plan.$put({
          param: { id: m.id },
          json: { ...values, version: version ?? m.version } as Json<
            (typeof api)['multi-agency'][':id']['plan']['$put']
          >,
        })
      ).json(),
    // The plan comes back as a new form (keyed by the multi-agency case's version): wait for it.
    onSaved: () => refresh(),
  });
  const labels = {
    situation: p.situation,
    issues: p.issues,
    goal: p.goal,
    policy: p.policy,
    writtenOn: p.writtenOn,
    reviewOn: p.reviewOn,
  };
  if (!editable) {
    return (
      <Section title={p.title}>
        {m.status === 'referred' && <p>{p.notYet}</p>}
        <dl className="grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2" data-testid="ma-plan">
          {(Object.keys(labels) as (keyof typeof labels)[]).map((k) => (
            <div key={k} className="contents">
              <dt className="text-std-16B-170">{labels[k]}</dt>
              <dd className="whitespace-pre-wrap">
                {(k === 'writtenOn' || k === 'reviewOn'
                  ? formatDate(m.plan[k], lang)
                  : m.plan[k]) || p.empty}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
    );
  }
  const flat = asFlat(form, 'plan-');
  return (
    <Section title={p.title}>
      <Form form={form} className="max-w-3xl" data-testid="ma-plan-form">
        <FormFeedback form={form} idPrefix="plan-" labels={labels} />
        <TextArea label={p.situation} rows={3} {...text(flat, 'situation')} />
        <TextArea label={p.issues} rows={3} {...text(flat, 'issues')} />
        <TextArea label={p.goal} rows={2} {...text(flat, 'goal')} />
        <TextArea label={p.policy} rows={4} {...text(flat, 'policy')} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <DateField label={p.writtenOn} {...text(flat, 'writtenOn')} />
          <DateField label={p.reviewOn} {...text(flat, 'reviewOn')} />
        </div>
        <Button type="submit" disabled={form.submitting}>
          {p.save}
        </Button>
      </Form>
    </Section>
  );
}

function Reviews({ m, caseId, sittings }: { m: Ma; caseId: string; sittings: Sitting[] }) {
  const { t, label, lang } = useI18n();
  const r = t.multiAgency.review;
  const outcomes = reviewOutcomesFor[m.status];
  const [reviewedOn, setReviewedOn] = useState(todayInJapan());
  const [meetingId, setMeetingId] = useState(sittings[0]?.id ?? '');
  const [outcome, setOutcome] = useState<string>(outcomes[0] ?? '');
  const [note, setNote] = useState('');
  const [nextReviewOn, setNext] = useState('');
  const { error, run } = useMultiAgencyStep(caseId);
  const canRecord = m.abilities.manage && outcomes.length > 0;
  return (
    <Section title={r.title}>
      {m.reviews.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <ul className="mb-6 grid gap-3" data-testid="ma-reviews">
          {m.reviews.map((x) => (
            <li
              key={x.id}
              className="rounded-8 border border-solid-gray-300 p-3"
              data-testid="ma-review"
            >
              <p className="text-std-16B-170">
                {formatDate(x.reviewedOn, lang)}　{label(reviewOutcomeLabels[x.outcome])}
                {x.meetingName &&
                  `　${fill(r.at, { meeting: x.meetingName, date: formatDate(x.meetingHeldOn, lang) })}`}
              </p>
              {x.note && <p className="whitespace-pre-wrap">{x.note}</p>}
              {x.nextReviewOn && (
                <p>
                  {r.nextReviewOn}：{formatDate(x.nextReviewOn, lang)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <div className="max-w-3xl" data-testid="ma-review-form">
          <StepError error={error} />
          <DateField
            id="review-on"
            label={r.reviewedOn}
            required
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.target.value)}
            error={error?.fields.reviewedOn}
          />
          <SelectField
            id="review-meeting"
            label={r.meeting}
            hint={r.meetingHint}
            options={[
              { value: '', label: r.noMeeting },
              ...sittings.map((s) => ({
                value: s.id,
                label: `${s.seriesName}（${formatDate(s.heldOn, lang)}）`,
              })),
            ]}
            value={meetingId}
            onChange={(e) => setMeetingId(e.target.value)}
            error={error?.fields.meetingId ?? error?.fields.meetingItemId}
          />
          <SelectField
            id="review-outcome"
            label={r.outcome}
            required
            options={optionsOf(outcomes, reviewOutcomeLabels, label)}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            error={error?.fields.outcome}
          />
          <TextArea
            id="review-note"
            label={r.note}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={error?.fields.note}
          />
          <DateField
            id="review-next"
            label={r.nextReviewOn}
            value={nextReviewOn}
            onChange={(e) => setNext(e.target.value)}
            error={error?.fields.nextReviewOn}
          />
          <Button
            onClick={() =>
              void run(async () => {
                await api['multi-agency'][':id'].reviews.$post({
                  param: { id: m.id },
                  json: {
                    version: m.version,
                    reviewedOn,
                    meetingId,
                    meetingItemId: sittings.find((s) => s.id === meetingId)?.itemId ?? '',
                    outcome: outcome as (typeof outcomes)[number],
                    note,
                    nextReviewOn,
                  },
                });
                setNote('');
              })
            }
          >
            {r.submit}
          </Button>
        </div>
      )}
    </Section>
  );
}

function End({ m, caseId }: { m: Ma; caseId: string }) {
  const { t } = useI18n();
  const e = t.multiAgency.end;
  const partners = usePartners();
  const supportAgencies = useSupportAgencies();
  const [endedOn, setEndedOn] = useState(todayInJapan());
  const [reason, setReason] = useState('');
  const [back, setBack] = useState(false);
  const [kind, setKind] = useState('partner');
  const [partnerId, setPartner] = useState('');
  const [supportId, setSupport] = useState('');
  const { error, run } = useMultiAgencyStep(caseId);
  return (
    <Section title={e.title}>
      <Disclosure summary={e.open}>
        <div className="mt-3 max-w-3xl" data-testid="ma-end">
          <p className="mb-4">{e.lead}</p>
          <StepError error={error} />
          <DateField
            id="end-on"
            label={e.endedOn}
            required
            value={endedOn}
            onChange={(ev) => setEndedOn(ev.target.value)}
            error={error?.fields.endedOn}
          />
          <TextArea
            id="end-reason"
            label={e.reason}
            required
            rows={3}
            value={reason}
            onChange={(ev) => setReason(ev.target.value)}
            error={error?.fields.reason}
          />
          <Checkbox id="end-back" label={e.returnToReferrer} checked={back} onChange={setBack} />
          {!back && (
            <>
              <RadioGroup
                id="end-kind"
                label={e.carrierKind}
                required
                options={[
                  { value: 'partner', label: t.multiAgency.members.partnerAgency },
                  { value: 'support', label: t.multiAgency.members.supportAgency },
                ]}
                value={kind}
                onChange={setKind}
              />
              {kind === 'partner' ? (
                <SelectField
                  id="end-partner"
                  label={e.carrierPartner}
                  required
                  placeholder=""
                  options={partners.options}
                  value={partnerId}
                  onChange={(ev) => setPartner(ev.target.value)}
                  error={error?.fields.carriedByPartnerAgencyId}
                />
              ) : (
                <SelectField
                  id="end-support"
                  label={e.carrierSupport}
                  required
                  placeholder=""
                  options={supportAgencies}
                  value={supportId}
                  onChange={(ev) => setSupport(ev.target.value)}
                  error={
                    error?.fields.carriedByPartnerAgencyId ?? error?.fields.carriedBySupportAgencyId
                  }
                />
              )}
            </>
          )}
          <Button
            className="mt-4"
            onClick={() =>
              void run(() =>
                api['multi-agency'][':id'].end.$post({
                  param: { id: m.id },
                  json: {
                    version: m.version,
                    endedOn,
                    reason,
                    returnToReferrer: back,
                    carriedByPartnerAgencyId: !back && kind === 'partner' ? partnerId : '',
                    carriedBySupportAgencyId: !back && kind === 'support' ? supportId : '',
                  },
                }),
              )
            }
          >
            {e.submit}
          </Button>
        </div>
      </Disclosure>
    </Section>
  );
}

/** One multi-agency case, as its coordinator and the person's workers work it. */
export function MultiAgencyCase({
  m,
  caseId,
  sittings,
}: {
  m: Ma;
  caseId: string;
  sittings: Sitting[];
}) {
  const { t } = useI18n();
  const open = isOpenMultiAgencyStatus(m.status);
  return (
    <div data-testid="multi-agency-case">
      <Section title={t.multiAgency.summary.title}>
        <Summary m={m} />
        {m.abilities.actions.includes('accept') && <Accept m={m} caseId={caseId} />}
        {m.abilities.actions.includes('return') && <Return m={m} caseId={caseId} />}
      </Section>
      <Members m={m} caseId={caseId} />
      <JointPlan key={`plan-${m.version}`} m={m} caseId={caseId} />
      {(m.reviews.length > 0 || open) && (
        <Reviews key={`review-${m.version}`} m={m} caseId={caseId} sittings={sittings} />
      )}
      {m.abilities.actions.includes('end') && (
        <End key={`end-${m.version}`} m={m} caseId={caseId} />
      )}
    </div>
  );
}

/** The case tab 多機関協働: the household's multi-agency case, the referral to one, the ecomap. */
export function MultiAgencyTab({ view }: { view: CaseView }) {
  const { t, label, lang } = useI18n();
  const caseId = view.case.id;
  const query = useCaseMultiAgency(caseId);
  const data = query.data;
  if (!data) return <QueryState error={query.error} />;
  const current = data.items.find((i) => isOpenMultiAgencyStatus(i.status));
  const past = data.items.filter((i) => i !== current);
  const hasConsent = view.consents.some((c) => !c.withdrawnOn);
  return (
    <div>
      <p className="mb-6 max-w-3xl">{t.multiAgency.tabLead}</p>
      {current && <MultiAgencyCase m={current} caseId={caseId} sittings={data.meetings} />}
      {!current && data.canRefer && (
        <Section title={t.multiAgency.refer.title}>
          {hasConsent ? (
            <ReferForm caseId={caseId} />
          ) : (
            <Notice tone="warning" title={t.multiAgency.refer.needsConsent} />
          )}
        </Section>
      )}
      <EcomapPanel caseId={caseId} personName={view.person.name} canEdit={view.abilities.update} />
      {past.length > 0 && (
        <Section title={t.multiAgency.history}>
          <ul className="grid gap-3">
            {past.map((p) => (
              <li
                key={p.id}
                className="rounded-8 border border-solid-gray-300 p-3"
                data-testid="ma-past"
              >
                <Disclosure
                  summary={`${formatDate(p.referredOn, lang)}　${label(multiAgencyStatusLabels[p.status])}　${p.referrer?.name ?? ''}`}
                >
                  <div className="mt-3">
                    <MultiAgencyCase m={p} caseId={caseId} sittings={[]} />
                  </div>
                </Disclosure>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <p className="no-print">
        <Link to="/multi-agency">{t.multiAgency.listTitle}</Link>
      </p>
    </div>
  );
}
