import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link } from 'react-router';
import {
  activityKindLabels,
  activityKinds,
  issueDestinationLabels,
  issueDestinations,
  issueStatusLabels,
} from '../../../domain/participation/community';
import { todayInJapan } from '../../../domain/text/wareki';
import type { CommunityView } from '../../../server/community/get-community';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { optionsOf } from '../../components/options';
import { Page, Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { unwrap, useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { usePartners } from '../cases/case-data';

type Base = CommunityView['bases'][number];
type Activity = Base['activities'][number];
type Issue = Base['issues'][number];
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function useCommunity() {
  return useQuery({
    queryKey: ['community'],
    queryFn: async () => (await api.community.$get()).json(),
  });
}

function useRefreshCommunity() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: ['community'] }),
    [queryClient],
  );
}

const unwrapActivity = unwrap('activity.');

function ActivityForm({ base, existing }: { base: Base; existing: Activity | null }) {
  const { t, label } = useI18n();
  const c = t.participation.community;
  const refresh = useRefreshCommunity();
  const toValues = (a: Record<string, unknown>) => ({
    baseId: base.id,
    name: str(a.name),
    kind: str(a.kind),
    schedule: str(a.schedule),
    heldOn: str(a.heldOn),
    coordinatorName: str(a.coordinatorName),
    participantsCount: str(a.participantsCount),
    note: str(a.note),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing ? `community-activity:${existing.id}` : `community-activity:${base.id}:new`,
    errorKey: unwrapActivity,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      type Body = Parameters<(typeof api.community.activities)['$post']>[0]['json'];
      if (existing) {
        return (
          await api.community.activities[':id'].$put({
            param: { id: existing.id },
            json: { version: version ?? 1, activity: values as Body },
          })
        ).json();
      }
      return (await api.community.activities.$post({ json: values as Body })).json();
    },
    // An edited activity's entry is keyed by its version: wait for the new one.
    onSaved: () => {
      if (!existing) form.reset(toValues({}), null);
      return refresh();
    },
  });
  const prefix = existing ? `activity-${existing.id}-` : `activity-${base.id}-`;
  const flat = asFlat(form, prefix);
  return (
    <Form form={form} className="max-w-3xl" data-testid="activity-form">
      <FormFeedback
        form={form}
        labels={{
          name: c.activityName,
          kind: c.activityKind,
          schedule: c.schedule,
          heldOn: c.heldOn,
        }}
        idPrefix={prefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField label={c.activityName} required {...text(flat, 'name')} />
        <SelectField
          label={c.activityKind}
          required
          placeholder=""
          options={optionsOf(activityKinds, activityKindLabels, label)}
          {...text(flat, 'kind')}
        />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField label={c.schedule} hint={c.scheduleHint} {...text(flat, 'schedule')} />
        <DateField label={c.heldOn} {...text(flat, 'heldOn')} />
      </div>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          label={c.coordinatorName}
          hint={c.coordinatorHint}
          {...text(flat, 'coordinatorName')}
        />
        <TextField
          label={c.participantsCount}
          inputMode="numeric"
          {...text(flat, 'participantsCount')}
        />
      </div>
      <TextArea label={c.activityNote} rows={2} {...text(flat, 'note')} />
      <Button type="submit" variant={existing ? 'secondary' : 'primary'} disabled={form.submitting}>
        {form.submitting ? t.app.saving : existing ? c.saveActivity : c.addActivity}
      </Button>
    </Form>
  );
}

const unwrapIssue = unwrap('issue.');

function IssueForm({ base, existing }: { base: Base; existing: Issue | null }) {
  const { t } = useI18n();
  const c = t.participation.community;
  const refresh = useRefreshCommunity();
  const toValues = (i: Record<string, unknown>) => ({
    baseId: base.id,
    activityId: str(i.activityId),
    noticedOn: str(i.noticedOn) || todayInJapan(),
    description: str(i.description),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing ? `community-issue:${existing.id}` : `community-issue:${base.id}:new`,
    errorKey: unwrapIssue,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      type Body = Parameters<(typeof api.community.issues)['$post']>[0]['json'];
      if (existing) {
        return (
          await api.community.issues[':id'].$put({
            param: { id: existing.id },
            json: { version: version ?? 1, issue: values as Body },
          })
        ).json();
      }
      return (await api.community.issues.$post({ json: values as Body })).json();
    },
    // An edited issue's entry is keyed by its version: wait for the new one.
    onSaved: () => {
      if (!existing) form.reset(toValues({}), null);
      return refresh();
    },
  });
  const prefix = existing ? `issue-${existing.id}-` : `issue-${base.id}-`;
  const flat = asFlat(form, prefix);
  return (
    <Form form={form} className="max-w-3xl" data-testid="issue-form">
      <FormFeedback
        form={form}
        labels={{ noticedOn: c.noticedOn, activityId: c.activity, description: c.description }}
        idPrefix={prefix}
      />
      <p className="mb-4 text-dns-16N-130 text-solid-gray-700">{c.issueLead}</p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={c.noticedOn} required {...text(flat, 'noticedOn')} />
        <SelectField
          label={c.activity}
          placeholder=""
          options={base.activities.map((a) => ({ value: a.id, label: a.name }))}
          {...text(flat, 'activityId')}
        />
      </div>
      <TextArea label={c.description} required rows={3} {...text(flat, 'description')} />
      <Button type="submit" variant={existing ? 'secondary' : 'primary'} disabled={form.submitting}>
        {form.submitting ? t.app.saving : existing ? t.app.save : c.addIssue}
      </Button>
    </Form>
  );
}

function PassForm({ issue, canCreateLead }: { issue: Issue; canCreateLead: boolean }) {
  const { t, label } = useI18n();
  const c = t.participation.community;
  const refresh = useRefreshCommunity();
  const partners = usePartners();
  const initial = {
    to: 'partner_agency',
    partnerAgencyId: '',
    passedOn: todayInJapan(),
    note: '',
    personName: '',
    personKana: '',
    approachPlan: '',
  };
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `community-issue-pass:${issue.id}`,
    initial,
    version: issue.version,
    // The form's person fields are flat; the body nests them.
    errorKey: (path) =>
      path === 'person.name' ? 'personName' : path === 'person.nameKana' ? 'personKana' : path,
    submit: async (values, version) => {
      const lead = values.to === 'support_agency';
      // Typed text and fixed choices; the server validates them.
      type Body = Parameters<(typeof api.community.issues)[':id']['pass']['$post']>[0]['json'];
      return (
        await api.community.issues[':id'].pass.$post({
          param: { id: issue.id },
          json: {
            version: version ?? 1,
            to: values.to === 'support_agency' ? 'support_agency' : 'partner_agency',
            passedOn: str(values.passedOn),
            note: str(values.note),
            partnerAgencyId: lead ? '' : str(values.partnerAgencyId),
            approachPlan: lead ? str(values.approachPlan) : '',
            ...(lead
              ? { person: { name: str(values.personName), nameKana: str(values.personKana) } }
              : {}),
          } as Body,
        })
      ).json();
    },
    // The issue's entry is keyed by its version: the form waits for the new one.
    onSaved: () => refresh(),
  });
  const prefix = `pass-${issue.id}-`;
  const flat = asFlat(form, prefix);
  const destinations = issueDestinations.filter((d) => d !== 'support_agency' || canCreateLead);
  return (
    <Form form={form} className="max-w-3xl" data-testid="pass-form">
      <FormFeedback
        form={form}
        labels={{
          partnerAgencyId: c.partnerAgency,
          passedOn: c.passedOn,
          personName: c.leadName,
          personKana: c.leadKana,
        }}
        idPrefix={prefix}
      />
      <RadioGroup
        id={`${prefix}to`}
        label={c.passTo}
        required
        inline={false}
        options={optionsOf(destinations, issueDestinationLabels, label)}
        value={str(form.values.to)}
        onChange={(v) => form.set('to', v)}
      />
      {!canCreateLead && (
        <p className="-mt-4 mb-6 text-dns-16N-130 text-solid-gray-700">{c.leadNotAllowed}</p>
      )}
      {form.values.to === 'partner_agency' ? (
        <SelectField
          label={c.partnerAgency}
          required
          placeholder=""
          options={partners.options}
          {...text(flat, 'partnerAgencyId')}
        />
      ) : (
        <fieldset className="mb-2">
          <legend className="mb-2 text-std-17B-170">{c.leadPerson}</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              label={c.leadName}
              hint={c.leadNameHint}
              required
              {...text(flat, 'personName')}
            />
            <TextField label={c.leadKana} {...text(flat, 'personKana')} />
          </div>
          <TextArea label={c.approachPlan} rows={2} {...text(flat, 'approachPlan')} />
        </fieldset>
      )}
      <DateField label={c.passedOn} required {...text(flat, 'passedOn')} />
      <TextArea label={c.passNote} rows={2} {...text(flat, 'note')} />
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : c.pass}
      </Button>
    </Form>
  );
}

function CloseForm({ issue }: { issue: Issue }) {
  const { t } = useI18n();
  const c = t.participation.community;
  const refresh = useRefreshCommunity();
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `community-issue-close:${issue.id}`,
    initial: { closedOn: todayInJapan(), note: '' },
    version: issue.version,
    submit: async (values, version) =>
      (
        await api.community.issues[':id'].close.$post({
          param: { id: issue.id },
          json: { version: version ?? 1, closedOn: str(values.closedOn), note: str(values.note) },
        })
      ).json(),
    // The issue's entry is keyed by its version: the form waits for the new one.
    onSaved: () => refresh(),
  });
  const prefix = `close-${issue.id}-`;
  const flat = asFlat(form, prefix);
  return (
    <Form form={form} className="max-w-3xl" data-testid="close-form">
      <FormFeedback form={form} labels={{ closedOn: c.closedOn }} idPrefix={prefix} />
      <DateField label={c.closedOn} required {...text(flat, 'closedOn')} />
      <TextArea label={c.closeNote} rows={2} {...text(flat, 'note')} />
      <Button type="submit" variant="secondary" disabled={form.submitting}>
        {form.submitting ? t.app.saving : c.close}
      </Button>
    </Form>
  );
}

function IssueItem({
  base,
  issue,
  canCreateLead,
}: {
  base: Base;
  issue: Issue;
  canCreateLead: boolean;
}) {
  const { t, label, lang } = useI18n();
  const c = t.participation.community;
  const partners = usePartners();
  const activity = base.activities.find((a) => a.id === issue.activityId);
  const to =
    issue.passedTo === 'support_agency'
      ? fill(c.passedAsLead, { number: issue.caseNumber ?? '' })
      : fill(c.passedToPartner, { name: partners.name(issue.partnerAgencyId) });
  return (
    <li
      className="rounded-8 border border-solid-gray-300 p-3"
      data-testid="issue"
      data-status={issue.status}
    >
      <p className="text-std-16B-170">
        {formatDate(issue.noticedOn, lang)}
        {activity ? `　${activity.name}` : ''}
        <span className="ml-2 rounded-4 border px-2 text-dns-14B-130" data-testid="issue-status">
          {label(issueStatusLabels[issue.status])}
        </span>
      </p>
      <p className="whitespace-pre-wrap">{issue.description}</p>
      {issue.passedOn && (
        <p className="text-dns-16N-130">
          {fill(c.passed, { date: formatDate(issue.passedOn, lang), to })}
          {issue.passNote ? `（${issue.passNote}）` : ''}
          {issue.caseId && (
            <>
              {' '}
              <Link to={`/cases/${issue.caseId}`}>{c.openLead}</Link>
            </>
          )}
        </p>
      )}
      {issue.closedOn && (
        <p className="text-dns-16N-130">
          {fill(c.closedValue, {
            date: formatDate(issue.closedOn, lang),
            note: issue.closeNote ?? '',
          })}
        </p>
      )}
      <div className="mt-2 grid gap-2">
        {issue.status === 'open' && (
          <Disclosure summary={c.editIssue}>
            <div className="mt-3">
              <IssueForm base={base} existing={issue} />
            </div>
          </Disclosure>
        )}
        {issue.actions.includes('pass') && (
          <Disclosure summary={c.pass}>
            <div className="mt-3">
              <PassForm issue={issue} canCreateLead={canCreateLead} />
            </div>
          </Disclosure>
        )}
        {issue.actions.includes('close') && (
          <Disclosure summary={c.close}>
            <div className="mt-3">
              <CloseForm issue={issue} />
            </div>
          </Disclosure>
        )}
      </div>
    </li>
  );
}

function BaseSection({ base, canCreateLead }: { base: Base; canCreateLead: boolean }) {
  const { t, label, lang } = useI18n();
  const c = t.participation.community;
  const partners = usePartners();
  const facts: [string, string | null][] = [
    [c.coordinator, base.coordinatorName],
    [c.provider, base.providerName || partners.name(base.providerPartnerAgencyId)],
    [c.address, base.address],
    [c.hours, base.hours],
  ];
  return (
    <section className="mb-12" data-testid="community-base" aria-labelledby={`base-${base.id}`}>
      <h2
        id={`base-${base.id}`}
        className="mb-4 border-b-2 border-solid-gray-200 pb-2 text-std-24B-150"
      >
        {base.name}
      </h2>
      {base.description && <p className="mb-3 max-w-3xl whitespace-pre-wrap">{base.description}</p>}
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        {facts
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-solid-gray-700">{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3 className="mb-2 text-std-20B-150">{c.activities}</h3>
      {base.activities.length === 0 && <p>{c.noActivities}</p>}
      <ul className="mb-4 grid gap-2" data-testid="activities">
        {base.activities.map((a) => (
          <li key={`${a.id}-${a.version}`} className="border-b border-solid-gray-200 pb-2">
            <p className="text-std-16B-170">
              {a.name}（{label(activityKindLabels[a.kind])}）
            </p>
            <p className="text-dns-16N-130">
              {[
                a.schedule,
                a.heldOn ? formatDate(a.heldOn, lang) : null,
                a.coordinatorName ? `${c.coordinator}：${a.coordinatorName}` : null,
                a.participantsCount !== null
                  ? fill(c.participantsValue, { n: a.participantsCount })
                  : null,
              ]
                .filter(Boolean)
                .join('　')}
            </p>
            {a.note && <p className="whitespace-pre-wrap text-dns-16N-130">{a.note}</p>}
            <Disclosure summary={c.editActivity}>
              <div className="mt-3">
                <ActivityForm base={base} existing={a} />
              </div>
            </Disclosure>
          </li>
        ))}
      </ul>
      <Disclosure className="mb-6" summary={c.addActivity}>
        <div className="mt-3">
          <ActivityForm base={base} existing={null} />
        </div>
      </Disclosure>
      <h3 className="mb-2 text-std-20B-150">{c.issues}</h3>
      {base.issues.length === 0 && <p>{c.noIssues}</p>}
      <ul className="mb-4 grid gap-3" data-testid="issues">
        {base.issues.map((i) => (
          <IssueItem
            key={`${i.id}-${i.version}`}
            base={base}
            issue={i}
            canCreateLead={canCreateLead}
          />
        ))}
      </ul>
      <Disclosure summary={c.addIssue}>
        <div className="mt-3">
          <IssueForm base={base} existing={null} />
        </div>
      </Disclosure>
    </section>
  );
}

/** 地域づくり: the community bases, their activities, and what was noticed there and passed on. */
export function CommunityPage() {
  const { t } = useI18n();
  const c = t.participation.community;
  const query = useCommunity();
  const data = query.data;
  return (
    <Page title={c.title} lead={c.lead}>
      {!data ? (
        <QueryState error={query.error} />
      ) : data.bases.length === 0 ? (
        <Section title={c.title}>
          <p>{c.noBases}</p>
        </Section>
      ) : (
        data.bases.map((base) => (
          <BaseSection key={base.id} base={base} canCreateLead={data.abilities.createLead} />
        ))
      )}
    </Page>
  );
}
