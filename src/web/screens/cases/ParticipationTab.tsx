import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  followUpParties,
  followUpPartyLabels,
  type MatchAction,
  matchActionLabels,
  matchEndReasonLabels,
  matchEndReasons,
  matchStatusLabels,
  participationKindLabels,
  weekdayLabels,
  weekdays,
} from '../../../domain/participation/participation';
import { todayInJapan } from '../../../domain/text/wareki';
import type { ParticipationView } from '../../../server/participation/get-participation';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Disclosure } from '../../components/Disclosure';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { QueryState } from '../../components/Loading';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, list, text } from '../../forms/flat-form';
import { unwrap, useRecordForm } from '../../forms/use-record-form';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import type { CaseView } from './case-data';

type Match = ParticipationView['matches'][number];
type Place = ParticipationView['places'][number];
type FollowUp = Match['followUps'][number];
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const strings = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

function useParticipation(caseId: string) {
  return useQuery({
    queryKey: ['participation', caseId],
    queryFn: async () =>
      (await api.cases[':id'].participation.$get({ param: { id: caseId } })).json(),
  });
}

function useRefreshParticipation(caseId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: ['participation', caseId] }),
    [queryClient, caseId],
  );
}

/** 空き2／定員5, 満員, or no set capacity: as each place is offered. */
function useSeats() {
  const { t } = useI18n();
  const p = t.participation.participation;
  return (place: Place) =>
    place.capacity === null
      ? p.seatsOpen
      : place.full
        ? fill(p.seatsFull, { capacity: place.capacity })
        : fill(p.seatsFree, { remaining: place.remaining ?? 0, capacity: place.capacity });
}

function ProposeForm({ caseId, places }: { caseId: string; places: Place[] }) {
  const { t, label } = useI18n();
  const p = t.participation.participation;
  const refresh = useRefreshParticipation(caseId);
  const seats = useSeats();
  const offered = places.filter((place) => !place.archived);
  const empty = {
    socialResourceId: '',
    kind: '',
    proposedOn: todayInJapan(),
    days: [] as string[],
    hours: '',
    activities: '',
    accommodations: '',
    hostContactName: '',
    note: '',
  };
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `participation-match:${caseId}:new`,
    initial: empty,
    version: null,
    submit: async (values) => {
      type Body = Parameters<
        (typeof api.cases)[':id']['participation']['matches']['$post']
      >[0]['json'];
      return (
        await api.cases[':id'].participation.matches.$post({
          param: { id: caseId },
          json: values as Body,
        })
      ).json();
    },
    onSaved: () => {
      form.reset(empty, null);
      void refresh();
    },
  });
  const flat = asFlat(form);
  const chosen = offered.find((place) => place.id === form.values.socialResourceId);
  return (
    <Form form={form} className="max-w-3xl" data-testid="match-form">
      <FormFeedback
        form={form}
        labels={{ socialResourceId: p.place, kind: p.kind, proposedOn: p.proposedOn }}
      />
      <SelectField
        label={p.place}
        hint={p.placeHint}
        required
        placeholder=""
        options={offered.map((place) => ({
          value: place.id,
          label: fill(p.placeOption, {
            name: place.name,
            kinds: place.kinds.map((k) => label(participationKindLabels[k])).join('・'),
            seats: seats(place),
          }),
        }))}
        {...text(flat, 'socialResourceId')}
        onChange={(e) => {
          const next = offered.find((place) => place.id === e.target.value);
          form.update((v) => ({
            ...v,
            socialResourceId: e.target.value,
            kind: next?.kinds.length === 1 ? next.kinds[0] : '',
          }));
        }}
      />
      {chosen?.accommodations && (
        <p className="-mt-4 mb-6 text-dns-16N-130 text-solid-gray-700">
          {fill(p.placeAccommodations, { text: chosen.accommodations })}
        </p>
      )}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label={p.kind}
          required
          placeholder=""
          options={(chosen?.kinds ?? []).map((k) => ({
            value: k,
            label: label(participationKindLabels[k]),
          }))}
          {...text(flat, 'kind')}
        />
        <DateField label={p.proposedOn} required {...text(flat, 'proposedOn')} />
      </div>
      <Arrangement flat={flat} />
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : p.propose}
      </Button>
    </Form>
  );
}

/** What is agreed with the host: shared by the proposal and its later corrections. */
function Arrangement({ flat }: { flat: ReturnType<typeof asFlat> }) {
  const { t, label } = useI18n();
  const p = t.participation.participation;
  return (
    <>
      <CheckboxGroup
        label={p.days}
        options={optionsOf(weekdays, weekdayLabels, label)}
        {...list(flat, 'days')}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField label={p.hours} hint={p.hoursHint} {...text(flat, 'hours')} />
        <TextField label={p.hostContactName} {...text(flat, 'hostContactName')} />
      </div>
      <TextArea label={p.activities} rows={2} {...text(flat, 'activities')} />
      <TextArea
        label={p.accommodations}
        hint={p.accommodationsHint}
        rows={3}
        {...text(flat, 'accommodations')}
      />
      <TextArea label={p.note} rows={2} {...text(flat, 'note')} />
    </>
  );
}

const unwrapMatch = unwrap('match.');

function ArrangementForm({ caseId, match }: { caseId: string; match: Match }) {
  const { t } = useI18n();
  const p = t.participation.participation;
  const refresh = useRefreshParticipation(caseId);
  const toValues = (m: Record<string, unknown>) => ({
    days: strings(m.days),
    hours: str(m.hours),
    activities: str(m.activities),
    accommodations: str(m.accommodations),
    hostContactName: str(m.hostContactName),
    note: str(m.note),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `participation-match:${match.id}`,
    errorKey: unwrapMatch,
    initial: toValues(match),
    version: match.version,
    fromRecord: toValues,
    submit: async (values, version) => {
      type Body = Parameters<
        (typeof api.cases)[':id']['participation']['matches'][':childId']['$put']
      >[0]['json']['match'];
      return (
        await api.cases[':id'].participation.matches[':childId'].$put({
          param: { id: caseId, childId: match.id },
          json: { version: version ?? 1, match: values as Body },
        })
      ).json();
    },
    // The match's card is keyed by its version: the form waits for the new one.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form, `match-${match.id}-`);
  return (
    <Form form={form} className="max-w-3xl">
      <FormFeedback
        form={form}
        labels={{ days: p.days, hours: p.hours }}
        idPrefix={`match-${match.id}-`}
      />
      <Arrangement flat={flat} />
      <Button type="submit" variant="secondary" disabled={form.submitting}>
        {form.submitting ? t.app.saving : p.saveArrangement}
      </Button>
    </Form>
  );
}

/** A step of the match from its card: the date, and for the end its reason. */
function StepForm({
  caseId,
  match,
  action,
}: {
  caseId: string;
  match: Match;
  action: MatchAction;
}) {
  const { t, label } = useI18n();
  const p = t.participation.participation;
  const refresh = useRefreshParticipation(caseId);
  const initial = { on: todayInJapan(), endReason: '', endNote: '', overCapacityAgreed: false };
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `participation-step:${match.id}:${action}`,
    initial,
    version: match.version,
    submit: async (values, version) => {
      type Body = Parameters<
        (typeof api.cases)[':id']['participation']['matches'][':childId']['steps']['$post']
      >[0]['json'];
      return (
        await api.cases[':id'].participation.matches[':childId'].steps.$post({
          param: { id: caseId, childId: match.id },
          json: { ...(values as Body), version: version ?? 1, action },
        })
      ).json();
    },
    // The match's card is keyed by its version: the form waits for the new one.
    onSaved: () => refresh(),
  });
  const prefix = `step-${match.id}-${action}-`;
  const flat = asFlat(form, prefix);
  const name = label(matchActionLabels[action]);
  return (
    <Form form={form} className="max-w-2xl" data-testid={`step-${action}`}>
      <FormFeedback
        form={form}
        labels={{ on: p.step.on, endReason: p.endReason }}
        idPrefix={prefix}
      />
      <DateField label={p.step.on} required {...text(flat, 'on')} />
      {action === 'end' && (
        <>
          <SelectField
            label={p.endReason}
            required
            placeholder=""
            options={optionsOf(matchEndReasons, matchEndReasonLabels, label)}
            {...text(flat, 'endReason')}
          />
          <TextArea label={p.endNote} rows={2} {...text(flat, 'endNote')} />
        </>
      )}
      {(form.failure?.code === 'PLACE_FULL' || form.values.overCapacityAgreed === true) && (
        <Checkbox label={p.step.overCapacityAgreed} {...flag(flat, 'overCapacityAgreed')} />
      )}
      <Button
        type="submit"
        variant={action === 'end' ? 'danger' : 'primary'}
        disabled={form.submitting}
      >
        {form.submitting ? t.app.saving : fill(p.step.run, { action: name })}
      </Button>
    </Form>
  );
}

const unwrapFollowUp = unwrap('followUp.');

function FollowUpForm({
  caseId,
  match,
  existing,
}: {
  caseId: string;
  match: Match;
  existing: FollowUp | null;
}) {
  const { t, label } = useI18n();
  const p = t.participation.participation;
  const refresh = useRefreshParticipation(caseId);
  const toValues = (f: Record<string, unknown>) => ({
    followedOn: str(f.followedOn) || todayInJapan(),
    withWhom: str(f.withWhom) || 'person',
    note: str(f.note),
    nextOn: str(f.nextOn),
  });
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: existing
      ? `participation-follow-up:${existing.id}`
      : `participation-follow-up:${match.id}:new`,
    errorKey: unwrapFollowUp,
    initial: toValues(existing ?? {}),
    version: existing?.version ?? null,
    fromRecord: toValues,
    submit: async (values, version) => {
      type Body = Parameters<
        (typeof api.cases)[':id']['participation']['matches'][':childId']['follow-ups']['$post']
      >[0]['json'];
      if (existing) {
        return (
          await api.cases[':id'].participation['follow-ups'][':childId'].$put({
            param: { id: caseId, childId: existing.id },
            json: { version: version ?? 1, followUp: values as Body },
          })
        ).json();
      }
      return (
        await api.cases[':id'].participation.matches[':childId']['follow-ups'].$post({
          param: { id: caseId, childId: match.id },
          json: values as Body,
        })
      ).json();
    },
    // The match's card (and an edited follow-up's entry) is keyed by a version: wait for
    // the new one.
    onSaved: () => {
      if (!existing) form.reset(toValues({}), null);
      return refresh();
    },
  });
  const prefix = existing ? `follow-up-${existing.id}-` : `follow-up-${match.id}-`;
  const flat = asFlat(form, prefix);
  return (
    <Form form={form} className="max-w-2xl" data-testid="follow-up-form">
      <FormFeedback
        form={form}
        labels={{
          followedOn: p.followedOn,
          withWhom: p.withWhom,
          note: p.followUpNote,
          nextOn: p.nextOn,
        }}
        idPrefix={prefix}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <DateField label={p.followedOn} required {...text(flat, 'followedOn')} />
        <SelectField
          label={p.withWhom}
          required
          options={optionsOf(followUpParties, followUpPartyLabels, label)}
          {...text(flat, 'withWhom')}
        />
      </div>
      <TextArea label={p.followUpNote} required rows={3} {...text(flat, 'note')} />
      <DateField label={p.nextOn} {...text(flat, 'nextOn')} />
      <Button type="submit" variant={existing ? 'secondary' : 'primary'} disabled={form.submitting}>
        {form.submitting ? t.app.saving : existing ? t.app.save : p.addFollowUp}
      </Button>
    </Form>
  );
}

function MatchCard({
  caseId,
  match,
  canUpdate,
}: {
  caseId: string;
  match: Match;
  canUpdate: boolean;
}) {
  const { t, label, lang } = useI18n();
  const p = t.participation.participation;
  const rows: [string, string][] = [
    [p.proposedOn, formatDate(match.proposedOn, lang)],
    [p.trialStartedOn, formatDate(match.trialStartedOn, lang)],
    [p.startedOn, formatDate(match.startedOn, lang)],
    [
      p.endedOn,
      match.endedOn
        ? `${formatDate(match.endedOn, lang)}　${match.endReason ? label(matchEndReasonLabels[match.endReason]) : ''}${match.endNote ? `（${match.endNote}）` : ''}`
        : '',
    ],
    [
      `${p.days}・${p.hours}`,
      [match.days.map((d) => label(weekdayLabels[d])).join('・'), match.hours ?? '']
        .filter(Boolean)
        .join('　'),
    ],
    [p.activities, match.activities ?? ''],
    [p.accommodations, match.accommodations ?? ''],
    [p.hostContactName, match.hostContactName ?? ''],
    [p.note, match.note ?? ''],
  ];
  return (
    <li
      className="rounded-8 border border-solid-gray-300 p-4"
      data-testid="match"
      data-status={match.status}
    >
      <h3 className="text-std-20B-150">
        {match.placeName}（{label(participationKindLabels[match.kind])}）
        <span
          className="ml-2 rounded-4 border border-blue-700 bg-blue-50 px-2 text-dns-14B-130"
          data-testid="match-status"
        >
          {label(matchStatusLabels[match.status])}
        </span>
        {match.overCapacityAgreed && (
          <span className="ml-2 rounded-4 bg-orange-50 px-2 text-dns-14B-130">
            {p.overCapacity}
          </span>
        )}
      </h3>
      <dl className="mt-3 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        {rows
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-solid-gray-700">{name}</dt>
              <dd className="whitespace-pre-wrap">{value}</dd>
            </div>
          ))}
      </dl>
      {canUpdate && match.actions.length > 0 && (
        <div className="mt-3 grid gap-2">
          {match.actions.map((action) => (
            <Disclosure key={action} summary={label(matchActionLabels[action])}>
              <div className="mt-3">
                <StepForm caseId={caseId} match={match} action={action} />
              </div>
            </Disclosure>
          ))}
        </div>
      )}
      <h4 className="mt-4 text-std-17B-170">{p.followUps}</h4>
      {match.followUps.length === 0 && <p>{p.noFollowUps}</p>}
      <ol className="grid gap-2" data-testid="follow-ups">
        {match.followUps.map((f) => (
          <li key={`${f.id}-${f.version}`} className="border-b border-solid-gray-200 pb-2">
            <p className="text-std-16B-170">
              {formatDate(f.followedOn, lang)}　{label(followUpPartyLabels[f.withWhom])}
            </p>
            <p className="whitespace-pre-wrap">{f.note}</p>
            {f.nextOn && (
              <p className="text-dns-16N-130">
                {fill(p.nextOnValue, { date: formatDate(f.nextOn, lang) })}
              </p>
            )}
            {canUpdate && (
              <Disclosure summary={p.editFollowUp}>
                <div className="mt-3">
                  <FollowUpForm caseId={caseId} match={match} existing={f} />
                </div>
              </Disclosure>
            )}
          </li>
        ))}
      </ol>
      {canUpdate && (
        <div className="mt-3 grid gap-2">
          <Disclosure summary={p.addFollowUp}>
            <div className="mt-3">
              <FollowUpForm caseId={caseId} match={match} existing={null} />
            </div>
          </Disclosure>
          {match.status !== 'ended' && (
            <Disclosure summary={p.arrangement}>
              <div className="mt-3">
                <ArrangementForm caseId={caseId} match={match} />
              </div>
            </Disclosure>
          )}
        </div>
      )}
    </li>
  );
}

export function ParticipationTab({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const p = t.participation.participation;
  const caseId = view.case.id;
  const query = useParticipation(caseId);
  const data = query.data;
  if (!data) return <QueryState error={query.error} />;
  return (
    <div>
      <p className="mb-6 max-w-3xl">{p.lead}</p>
      <Section title={p.matches}>
        {data.matches.length === 0 && <p>{p.none}</p>}
        <ul className="grid gap-4" data-testid="match-list">
          {data.matches.map((m) => (
            <MatchCard
              key={`${m.id}-${m.version}`}
              caseId={caseId}
              match={m}
              canUpdate={data.abilities.update}
            />
          ))}
        </ul>
      </Section>
      {data.abilities.update && (
        <Section title={p.propose}>
          {data.places.length === 0 ? (
            <p>{p.noPlaces}</p>
          ) : (
            <ProposeForm caseId={caseId} places={data.places} />
          )}
        </Section>
      )}
    </div>
  );
}
