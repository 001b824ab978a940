import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ErrorCode, errorMessage } from '../../../domain/errors';
import { itemDecisionLabels, itemKindLabels, itemKinds } from '../../../domain/meetings/agenda';
import { todayInJapan } from '../../../domain/text/wareki';
import type { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { useStep } from '../../api/use-step';
import { Button } from '../../components/Button';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { useCaseStaff, usePartners } from '../cases/case-data';
import { ItemRecordForm, MeetingSupportDecision } from './ItemRecordForm';
import { type MeetingView, useMeetingStep, type VisibleItem } from './meeting-data';

type ItemBody = Parameters<(typeof api.meetings)[':id']['items']['$post']>[0]['json'];

interface Alternative {
  id: string;
  name: string;
}

/**
 * The refusal of the consent gate, in full: which organisations the consent leaves out, and the
 * 支援会議 route — its next meeting, where the case can go without consent.
 */
function ConsentRefusal({ error, body }: { error: ApiError; body: ItemBody }) {
  const { t, lang } = useI18n();
  const a = t.meetings.addItem;
  const agencies = (error.details.agencies as { name: string }[] | undefined) ?? [];
  const alternatives = (error.details.alternatives as Alternative[] | undefined) ?? [];
  const today = todayInJapan();
  const meetings = useQuery({
    queryKey: ['meetings', 'upcoming', today],
    queryFn: async () => (await api.meetings.$get({ query: { from: today } })).json(),
    enabled: error.code === 'MEETING_CONSENT_MISSING',
  });
  const [moved, setMoved] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { error: failure, run } = useStep(() =>
    queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  );
  return (
    <Notice tone="error" title={error.message}>
      <div data-testid="consent-refusal">
        {agencies.length > 0 && (
          <p>{fill(a.missingAgencies, { names: agencies.map((x) => x.name).join('、') })}</p>
        )}
        {error.code === 'MEETING_CONSENT_MISSING' && (
          <div className="mt-2">
            <p>{a.alternatives}</p>
            {alternatives.length === 0 && <p>{a.noAlternative}</p>}
            <ul>
              {alternatives.map((alt) => {
                const next = meetings.data?.items.find(
                  (m) => m.seriesId === alt.id && m.status === 'planned' && m.heldOn >= today,
                );
                return (
                  <li key={alt.id} className="mt-2">
                    {next ? (
                      moved === next.id ? (
                        <Link to={`/meetings/${next.id}`}>
                          {alt.name}（{formatDate(next.heldOn, lang)}）
                        </Link>
                      ) : (
                        <Button
                          variant="secondary"
                          disabled={moved !== null}
                          onClick={async () => {
                            setMoved('sending');
                            const ok = await run(() =>
                              api.meetings[':id'].items.$post({
                                param: { id: next.id },
                                json: { ...body, guests: [] },
                              }),
                            );
                            setMoved(ok ? next.id : null);
                          }}
                        >
                          {fill(a.useAlternative, {
                            name: `${alt.name}（${formatDate(next.heldOn, lang)}）`,
                          })}
                        </Button>
                      )
                    ) : (
                      <Link to={`/meetings/series/${alt.id}`}>{alt.name}</Link>
                    )}
                  </li>
                );
              })}
            </ul>
            {failure && <p className="font-bold">{failure.message}</p>}
          </div>
        )}
      </div>
    </Notice>
  );
}

/** Adding a case: find it, say what kind of item, who reports, which partners join for it. */
function AddItem({ meeting, preset }: { meeting: MeetingView; preset: Partial<ItemBody> | null }) {
  const { t, label } = useI18n();
  const a = t.meetings.addItem;
  const staff = useCaseStaff();
  const partners = usePartners();
  const { error, run } = useMeetingStep(meeting.id);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  const [kind, setKind] = useState('');
  const [minutes, setMinutes] = useState(String(meeting.series.minutesPerCase));
  const [reporterId, setReporterId] = useState('');
  const [guests, setGuests] = useState<string[]>([]);
  const [appointed, setAppointed] = useState(false);
  const [summary, setSummary] = useState('');
  const [taxInformation, setTaxInformation] = useState(false);
  const [sent, setSent] = useState<ItemBody | null>(null);
  const found = useQuery({
    queryKey: ['case-search', search, 'open'],
    queryFn: async () =>
      (await api.cases.search.$get({ query: { q: search, status: 'open' } })).json(),
    enabled: search.length > 0,
  });
  const body = (): ItemBody => ({
    caseId: chosen?.id ?? '',
    ...(kind ? { kind: kind as ItemBody['kind'] } : {}),
    minutes: Number(minutes) || undefined,
    reporterId: reporterId || null,
    guests: guests.map((partnerAgencyId) => ({
      partnerAgencyId,
      userId: null,
      name: null,
      appointed,
    })),
    summary: summary || null,
    summaryTaxInformation: taxInformation,
    ...preset,
  });
  const submit = async () => {
    const json = body();
    setSent(json);
    const ok = await run(() =>
      api.meetings[':id'].items.$post({ param: { id: meeting.id }, json }),
    );
    if (ok) {
      setChosen(null);
      setGuests([]);
      setAppointed(false);
      setSummary('');
      setTaxInformation(false);
      setKind('');
      setReporterId('');
      setMinutes(String(meeting.series.minutesPerCase));
    }
  };
  return (
    <div className="max-w-3xl rounded-8 border border-solid-gray-300 p-4" data-testid="add-item">
      <h3 className="mb-2 text-std-20B-150">{a.title}</h3>
      {error &&
      sent &&
      (error.code === 'MEETING_CONSENT_MISSING' ||
        error.code === 'MEETING_PARTNERS_NOT_ALLOWED') ? (
        <ConsentRefusal error={error} body={sent} />
      ) : (
        error && <Notice tone="error" title={error.message} />
      )}
      {chosen ? (
        <p className="mb-4 text-std-17B-170" data-testid="chosen-case">
          {chosen.label}
          <Button variant="tertiary" onClick={() => setChosen(null)}>
            {t.app.clear}
          </Button>
        </p>
      ) : (
        <form
          className="mb-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q.trim());
          }}
        >
          <TextField
            id="item-case-search"
            label={a.case}
            hint={a.caseHint}
            plain
            value={q}
            onChange={(e) => setQ(e.target.value)}
            error={error?.fields.caseId}
          />
          <Button type="submit" variant="secondary" className="mb-6">
            {t.app.search}
          </Button>
        </form>
      )}
      {!chosen && search && found.data && (
        <ul className="mb-4" data-testid="item-case-results">
          {found.data.items.length === 0 && <li>{t.app.noResults}</li>}
          {found.data.items.map((c) => (
            <li key={c.id}>
              <Button
                variant="tertiary"
                onClick={() => {
                  setChosen({ id: c.id, label: `${c.caseNumber}　${c.name}` });
                  setSearch('');
                }}
              >
                {c.caseNumber}　{c.name}（{c.nameKana}）
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <SelectField
          id="item-kind"
          label={a.kind}
          placeholder={a.kindAuto}
          options={optionsOf(itemKinds, itemKindLabels, label)}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          error={error?.fields.kind}
        />
        <TextField
          id="item-minutes"
          label={a.minutes}
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={error?.fields.minutes}
        />
        <SelectField
          id="item-reporter"
          label={a.reporter}
          placeholder=""
          options={staff}
          value={reporterId}
          onChange={(e) => setReporterId(e.target.value)}
          error={error?.fields.reporterId}
        />
      </div>
      <CheckboxGroup
        id="item-guests"
        label={a.guests}
        hint={a.guestsHint}
        options={partners.options}
        value={guests}
        onChange={setGuests}
      />
      {meeting.series.sharing === 'law' && guests.length > 0 && (
        <Checkbox
          id="item-appointed"
          label={a.appointed}
          checked={appointed}
          onChange={setAppointed}
        />
      )}
      <TextArea
        id="item-summary"
        label={a.summary}
        rows={3}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={error?.fields.summary}
      />
      <Checkbox
        id="item-summaryTaxInformation"
        label={a.summaryTax}
        hint={a.summaryTaxHint}
        checked={taxInformation}
        onChange={setTaxInformation}
      />
      {error?.fields.summaryTaxInformation && (
        <p className="mb-4 text-dns-16B-130 text-error-1">{error.fields.summaryTaxInformation}</p>
      )}
      <Button disabled={!chosen} onClick={() => void submit()}>
        {a.add}
      </Button>
    </div>
  );
}

function Suggestions({ meeting }: { meeting: MeetingView }) {
  const { t, label } = useI18n();
  const s = t.meetings.suggestions;
  const { error, run } = useMeetingStep(meeting.id);
  const query = useQuery({
    queryKey: ['meeting-suggestions', meeting.series.id],
    queryFn: async () =>
      (
        await api['meeting-series'][':id'].suggestions.$get({ param: { id: meeting.series.id } })
      ).json(),
  });
  const items = query.data?.items ?? [];
  const [refused, setRefused] = useState<{ error: ApiError; body: ItemBody } | null>(null);
  return (
    <div data-testid="suggestions">
      <p className="mb-2">{s.lead}</p>
      {refused && <ConsentRefusal error={refused.error} body={refused.body} />}
      {error && !refused && <Notice tone="error" title={error.message} />}
      {items.length === 0 && <p>{s.none}</p>}
      <ul className="grid gap-2">
        {items.map((x) => (
          <li
            key={`${x.caseId}-${x.reason}`}
            className="flex flex-wrap items-center justify-between gap-2 rounded-8 border border-solid-gray-200 p-2"
          >
            <span>
              <strong>{x.caseNumber}</strong>　{x.personName}　{label(itemKindLabels[x.kind])}
              <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                {s.reasons[x.reason]}
              </span>
            </span>
            <Button
              variant="secondary"
              onClick={async () => {
                setRefused(null);
                const body: ItemBody = {
                  caseId: x.caseId,
                  kind: x.kind,
                  reporterId: x.leadWorkerId,
                  guests: [],
                  summary: null,
                };
                await run(async () => {
                  try {
                    await api.meetings[':id'].items.$post({
                      param: { id: meeting.id },
                      json: body,
                    });
                  } catch (e) {
                    const failure = e as ApiError;
                    if (failure.code === 'MEETING_CONSENT_MISSING')
                      setRefused({ error: failure, body });
                    throw e;
                  }
                });
              }}
            >
              {s.add}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AgendaRow({
  meeting,
  item,
  index,
  open,
  onToggle,
}: {
  meeting: MeetingView;
  item: MeetingView['agenda'][number];
  index: number;
  open: boolean;
  onToggle: () => void;
}) {
  const { t, label, lang } = useI18n();
  const g = t.meetings.agenda;
  const session = useSession();
  const { error, run } = useMeetingStep(meeting.id);
  const move = (position: number) =>
    item.visible &&
    run(() =>
      api.meetings[':id'].items[':itemId'].$put({
        param: { id: meeting.id, itemId: item.id },
        json: {
          version: item.version,
          position,
          minutes: item.minutes,
          reporterId: item.reporterId,
          guests: item.guests.map((x) => ({
            partnerAgencyId: x.partnerAgencyId,
            userId: x.userId,
            name: x.partnerAgencyId || x.userId ? null : x.name,
            appointed: x.appointed,
          })),
          summary: item.summary,
        },
      }),
    );
  const guests = item.guests.map((x) => x.name).join('、');
  return (
    <tr className="border-b border-solid-gray-200 align-top" data-testid="agenda-item">
      <td className="py-2 pr-3 whitespace-nowrap" data-testid="slot">
        {item.start}〜{item.end}
      </td>
      <td className="py-2 pr-3">{label(itemKindLabels[item.kind])}</td>
      {item.visible ? (
        <>
          <td className="py-2 pr-3">
            {session.can('case.read') ? (
              <Link to={`/cases/${item.caseId}`}>{item.caseNumber}</Link>
            ) : (
              item.caseNumber
            )}
            　{item.personName}
            <p className="text-dns-14N-130 text-solid-gray-700">
              {g.bases[item.basis]}
              {meeting.bodies.length > 1 && `・${item.seriesName}`}
            </p>
            {item.summary && <p className="whitespace-pre-wrap text-dns-16N-130">{item.summary}</p>}
            {error && <Notice tone="error" title={error.message} />}
            {open && (
              <div className="mt-4 rounded-8 border-2 border-blue-900 p-4">
                <h3 className="mb-2 text-std-20B-150">{t.meetings.record.title}</h3>
                <ItemRecordForm meeting={meeting} item={item as VisibleItem} />
              </div>
            )}
            {(item.decision === 'adopted' || item.decision === 'adopted_with_changes') &&
              item.planId && <MeetingSupportDecision caseId={item.caseId} planId={item.planId} />}
          </td>
          <td className="py-2 pr-3">{item.reporterName}</td>
          <td className="py-2 pr-3" data-testid="guests">
            {guests}
          </td>
          <td className="py-2 pr-3" data-testid="decision">
            {item.decision ? label(itemDecisionLabels[item.decision]) : g.undecided}
          </td>
          <td className="no-print py-2">
            <div className="flex flex-wrap gap-1">
              {session.can('meeting.record') && (
                <Button
                  variant="secondary"
                  onClick={onToggle}
                  aria-expanded={open}
                  aria-label={`${open ? t.app.close : g.openRecord}（${item.caseNumber ?? ''}）`}
                >
                  {open ? t.app.close : g.openRecord}
                </Button>
              )}
              <Link
                to={`/meetings/${meeting.id}/items/${item.id}/print`}
                className="self-center px-2"
              >
                {g.sheet}
              </Link>
              {meeting.canManage && !item.decision && (
                <>
                  <Button
                    variant="tertiary"
                    disabled={index === 0}
                    onClick={() => void move(item.position - 1)}
                    aria-label={`${g.moveUp}（${item.caseNumber ?? ''}）`}
                  >
                    {g.moveUp}
                  </Button>
                  <Button
                    variant="tertiary"
                    disabled={index === meeting.agenda.length - 1}
                    onClick={() => void move(item.position + 1)}
                    aria-label={`${g.moveDown}（${item.caseNumber ?? ''}）`}
                  >
                    {g.moveDown}
                  </Button>
                  <Button
                    variant="tertiary"
                    onClick={() => {
                      if (!window.confirm(g.removeConfirm)) return;
                      void run(() =>
                        api.meetings[':id'].items[':itemId'].$delete({
                          param: { id: meeting.id, itemId: item.id },
                        }),
                      );
                    }}
                    aria-label={`${g.remove}（${item.caseNumber ?? ''}）`}
                  >
                    {g.remove}
                  </Button>
                </>
              )}
            </div>
          </td>
        </>
      ) : (
        <td className="py-2 pr-3 text-solid-gray-700" colSpan={5}>
          {fill(g.hidden, { reason: errorMessage(item.refusal as ErrorCode, lang) })}
        </td>
      )}
    </tr>
  );
}

/** The agenda as a timetable, the cases suggested for it, and adding one. */
export function AgendaPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useI18n();
  const g = t.meetings.agenda;
  const [open, setOpen] = useState<string | null>(null);
  const planning = meeting.canManage && meeting.status !== 'cancelled';
  return (
    <>
      <Section title={g.title}>
        {meeting.agenda.length === 0 ? (
          <p>{g.none}</p>
        ) : (
          <table className="w-full border-collapse text-left" data-testid="agenda">
            <thead>
              <tr className="border-b-2 border-solid-gray-420">
                <th className="py-2 pr-3">{g.slot}</th>
                <th className="py-2 pr-3">{g.kind}</th>
                <th className="py-2 pr-3">{g.case}</th>
                <th className="py-2 pr-3">{g.reporter}</th>
                <th className="py-2 pr-3">{g.guests}</th>
                <th className="py-2 pr-3">{g.decision}</th>
                <th className="no-print py-2">{t.app.actions}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.agenda.map((item, index) => (
                <AgendaRow
                  key={`${item.id}-${item.visible ? item.version : 0}`}
                  meeting={meeting}
                  item={item}
                  index={index}
                  open={open === item.id}
                  onToggle={() => setOpen(open === item.id ? null : item.id)}
                />
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {planning && (
        <Section title={t.meetings.suggestions.title}>
          <Suggestions meeting={meeting} />
          <div className="mt-6">
            <AddItem meeting={meeting} preset={null} />
          </div>
        </Section>
      )}
    </>
  );
}
