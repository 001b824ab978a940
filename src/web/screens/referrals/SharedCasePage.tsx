import { Link, useParams } from 'react-router';
import {
  activityAllowed,
  partnerActivityKindLabels,
  partnerActivityKinds,
  referralEventLabels,
} from '../../../domain/referrals/referral-status';
import { todayInJapan } from '../../../domain/text/wareki';
import { api, download } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { SelectField, TextArea } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Page, Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { ActivityList } from './ActivityList';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { sharedDocumentPath, useRefreshReferrals, useSharedCase } from './referral-data';

type Body = Parameters<(typeof api.referrals)[':id']['activities']['$post']>[0]['json'];

interface ExistingActivity {
  id: string;
  referralId: string | null;
  version: number;
  occurredOn: string;
  kind: string;
  summary: string;
}

/**
 * The agency's own record of what it did for the person, under the referral it took them on by:
 * a new one, or a correction of one already kept (at the version it was read).
 */
function ActivityForm({
  referralId,
  existing,
}: {
  referralId: string;
  existing?: ExistingActivity;
}) {
  const { t, label } = useI18n();
  const s = t.referrals.shared;
  const refresh = useRefreshReferrals();
  const idPrefix = existing ? `activity-${existing.id}-` : 'activity-';
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `partner-activity:${referralId}:${existing?.id ?? 'new'}`,
    initial: existing
      ? { occurredOn: existing.occurredOn, kind: existing.kind, summary: existing.summary }
      : { occurredOn: todayInJapan(), kind: '', summary: '' },
    version: existing?.version ?? null,
    submit: async (values, version) =>
      existing
        ? (
            await api.referrals[':id'].activities[':activityId'].$put({
              param: { id: referralId, activityId: existing.id },
              json: { version: version ?? existing.version, activity: values as Body },
            })
          ).json()
        : (
            await api.referrals[':id'].activities.$post({
              param: { id: referralId },
              json: values as Body,
            })
          ).json(),
    // A new record's form is keyed by the number of records, a corrected one's by its version:
    // wait for the new form.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form, idPrefix);
  return (
    <Form
      form={form}
      className="max-w-3xl"
      data-testid={existing ? 'activity-edit' : 'activity-new'}
    >
      {!existing && <p className="mb-4">{s.activityLead}</p>}
      <FormFeedback
        form={form}
        labels={{ occurredOn: s.occurredOn, kind: s.kind, summary: s.summary }}
        idPrefix={idPrefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={s.occurredOn} required {...text(flat, 'occurredOn')} />
        <SelectField
          label={s.kind}
          required
          placeholder=""
          options={optionsOf(partnerActivityKinds, partnerActivityKindLabels, label)}
          {...text(flat, 'kind')}
        />
      </div>
      <TextArea label={s.summary} required rows={4} {...text(flat, 'summary')} />
      <Button type="submit" disabled={form.submitting}>
        {existing ? t.app.save : s.add}
      </Button>
    </Form>
  );
}

/**
 * What a referral shared with the partner's agency about one person: name, reading and age; each
 * referral with its reason, history and — within consent — the hand-over and documents; the
 * meetings the agency joins about the person; and the agency's own records, with a form to add
 * what it did. Anything outside that the server refuses (403, audited).
 */
export function SharedCasePage() {
  const { t, lang, label } = useI18n();
  const s = t.referrals.shared;
  const r = t.referrals.row;
  const id = useParams().id ?? '';
  const query = useSharedCase(id);
  const shared = query.data;
  if (!shared) return <QueryState error={query.error} />;
  const names = new Map(shared.activities.map((a) => [a.recordedBy, a.recordedByName ?? '']));
  // A record is corrected only while its referral still allows recording (as the server checks).
  const correctable = new Set(
    shared.referrals.filter((x) => activityAllowed(x.status)).map((x) => x.id),
  );
  return (
    <Page
      title={fill(s.title, { name: shared.person.name })}
      lead={
        <span className="flex flex-wrap gap-x-4" data-testid="shared-person">
          {shared.person.nameKana && <span>{shared.person.nameKana}</span>}
          {shared.person.age !== null && (
            <span>{fill(t.referrals.page.age, { age: shared.person.age })}</span>
          )}
        </span>
      }
    >
      <p className="mb-6 max-w-3xl">{s.lead}</p>
      <Section title={t.referrals.tab.listTitle}>
        <ul className="grid gap-4">
          {shared.referrals.map((ref) => (
            <li
              key={ref.id}
              className="rounded-8 border border-solid-gray-300 p-4"
              data-testid="shared-referral"
            >
              <div className="flex flex-wrap items-center gap-3">
                <ReferralStatusBadge status={ref.status} />
                <span>
                  {r.sender}：{ref.senderAgency}
                  {ref.senderName && `（${ref.senderName}）`}
                </span>
                {ref.leadWorkerName && (
                  <span>
                    {r.leadWorker}：{ref.leadWorkerName}
                  </span>
                )}
              </div>
              <dl className="mt-2 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
                <dt className="text-solid-gray-700">{r.referredOn}</dt>
                <dd>{formatDate(ref.referredOn, lang)}</dd>
                {ref.dueOn && (
                  <>
                    <dt className="text-solid-gray-700">{r.dueOn}</dt>
                    <dd>{formatDate(ref.dueOn, lang)}</dd>
                  </>
                )}
                <dt className="text-solid-gray-700">{r.reason}</dt>
                <dd className="whitespace-pre-wrap">{ref.reason}</dd>
                {ref.handOverSummary && (
                  <>
                    <dt className="text-solid-gray-700">{r.handOver}</dt>
                    <dd className="whitespace-pre-wrap" data-testid="shared-hand-over">
                      {ref.handOverSummary}
                    </dd>
                  </>
                )}
                {ref.documents.length > 0 && (
                  <>
                    <dt className="text-solid-gray-700">{r.documents}</dt>
                    <dd>
                      <ul>
                        {ref.documents.map((d) => (
                          <li key={d.id}>
                            {d.fileName}
                            <Button
                              variant="tertiary"
                              className="ml-2"
                              onClick={() =>
                                void download(sharedDocumentPath(id, ref.id, d.id), d.fileName)
                              }
                            >
                              {s.download}
                            </Button>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
              {ref.handOverWithheld && <Notice tone="warning" title={s.withheld} />}
              <h3 className="mt-3 text-std-17B-170">{r.history}</h3>
              <ol>
                {ref.events.map((e) => (
                  <li key={e.id} className="text-dns-16N-130">
                    {formatDateTime(e.occurredAt, lang)}　{label(referralEventLabels[e.event])}
                    {e.actorName && `（${e.actorName}）`}
                    {e.reason && <span className="ml-2 whitespace-pre-wrap">{e.reason}</span>}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </Section>
      {shared.meetings.length > 0 && (
        <Section title={s.meetings}>
          <ul>
            {shared.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>
                  {formatDate(m.heldOn, lang)}　{m.seriesName}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={s.activities}>
        {shared.activities.length === 0 ? (
          <p>{s.noActivities}</p>
        ) : (
          <ActivityList
            items={shared.activities}
            nameOf={(userId) => names.get(userId) ?? ''}
            edit={(a) =>
              a.referralId &&
              correctable.has(a.referralId) && (
                <Disclosure summary={s.editActivity} className="mt-2">
                  <ActivityForm key={a.version} referralId={a.referralId} existing={a} />
                </Disclosure>
              )
            }
          />
        )}
      </Section>
      {shared.abilities.activityReferralId && (
        <Section title={s.addActivity}>
          <ActivityForm
            key={shared.activities.length}
            referralId={shared.abilities.activityReferralId}
          />
        </Section>
      )}
    </Page>
  );
}
