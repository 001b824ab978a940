import { useQuery } from '@tanstack/react-query';
import { terminationReasonLabels, terminationReasons } from '../../../domain/cases/vocabulary';
import { decisionsFor, itemDecisionLabels } from '../../../domain/meetings/agenda';
import { meetingTypeRules } from '../../../domain/meetings/meeting-types';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields';
import { optionsOf } from '../../components/options';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, flag, text } from '../../forms/flat-form';
import { nest } from '../../forms/nest';
import { useRecordForm } from '../../forms/use-record-form';
import { fill, useI18n } from '../../i18n/i18n';
import { useCase, useCaseStaff } from '../cases/case-data';
import { PlanSteps } from '../cases/PlanTab';
import { type MeetingView, useRefreshMeeting, type VisibleItem } from './meeting-data';
import { meetingTypeLabel } from './meeting-labels';

const tri = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
const fromTri = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : null);

function TriState({
  id,
  label,
  value,
  onChange,
  words,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (v: string) => void;
  words: { yes: string; no: string; unset: string };
}) {
  return (
    <RadioGroup
      id={id}
      label={label}
      options={[
        { value: 'yes', label: words.yes },
        { value: 'no', label: words.no },
        { value: '', label: words.unset },
      ]}
      value={String(value ?? '')}
      onChange={onChange}
    />
  );
}

/**
 * The record of one case at the meeting: discussion, the three plan checks, the decision,
 * homework and missing resources. A case conference keeps the lighter record (no checks, no
 * decision on the plan).
 */
export function ItemRecordForm({ meeting, item }: { meeting: MeetingView; item: VisibleItem }) {
  const { t, label } = useI18n();
  const r = t.meetings.record;
  const staff = useCaseStaff();
  const refresh = useRefreshMeeting(meeting.id);
  const body = meeting.bodies.find((b) => b.id === item.seriesId) ?? meeting.series;
  const lighter = !meetingTypeRules[body.type].decidesPlans;
  const prefix = `item-${item.id}-`;
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `meeting-item:${item.id}`,
    initial: {
      discussion: item.discussion ?? '',
      checkFits: tri(item.checks.fits),
      checkAddresses: tri(item.checks.addresses),
      checkMotivates: tri(item.checks.motivates),
      personAttended: tri(item.personAttended),
      decision: item.decision ?? '',
      decisionNote: item.decisionNote ?? '',
      homework: [],
      resourceGaps: [],
      'closure.reason': '',
      'closure.reasonDetail': '',
      'closure.followUp': false,
      'closure.followUpBy': '',
      'closure.followUpMethod': '',
      'closure.followUpUntil': '',
    },
    version: item.version,
    submit: async (values, version) => {
      const nested = nest(values);
      const closing =
        values.decision === 'termination_approved' || values.decision === 'interruption_confirmed';
      const json = {
        ...nested,
        version: version ?? item.version,
        checkFits: fromTri(values.checkFits),
        checkAddresses: fromTri(values.checkAddresses),
        checkMotivates: fromTri(values.checkMotivates),
        personAttended: fromTri(values.personAttended),
        ...(closing ? {} : { closure: undefined }),
      };
      // Choices from fixed lists and typed text; the server validates every field.
      type Body = Parameters<
        (typeof api.meetings)[':id']['items'][':itemId']['record']['$post']
      >[0]['json'];
      try {
        return await (
          await api.meetings[':id'].items[':itemId'].record.$post({
            param: { id: meeting.id, itemId: item.id },
            json: json as Body,
          })
        ).json();
      } catch (e) {
        // Someone else saved this item: reload it (the draft keeps what was typed here).
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') void refresh();
        throw e;
      }
    },
    // The item's row is keyed by its version: the saved record comes back as a new form,
    // and this one waits for it (see Form).
    onSaved: () => refresh(),
  });
  const flat = asFlat(form, prefix);
  const homework =
    (form.values.homework as { description: string; ownerId: string; dueOn: string }[]) ?? [];
  const gaps = (form.values.resourceGaps as { description: string }[]) ?? [];
  const decided = item.decision !== null;
  const decision = String(form.values.decision ?? '');
  const closing = decision === 'termination_approved' || decision === 'interruption_confirmed';
  const setRow = (
    key: 'homework' | 'resourceGaps',
    index: number,
    field: string,
    value: string,
  ) => {
    const rows = [...((form.values[key] as Record<string, string>[]) ?? [])];
    rows[index] = { ...rows[index], [field]: value };
    form.set(key, rows);
  };
  return (
    <Form form={form} data-testid="item-record-form">
      <FormFeedback
        form={form}
        idPrefix={prefix}
        labels={{ discussion: r.discussion, decision: r.decision, decisionNote: r.decisionNote }}
      />
      {lighter && (
        <p className="mb-4">{fill(r.lighter, { body: label(meetingTypeLabel(body.type)) })}</p>
      )}
      <TextArea label={r.discussion} rows={5} {...text(flat, 'discussion')} />
      {!lighter && (
        <fieldset className="mb-4">
          <legend className="text-std-17B-170">{r.checks}</legend>
          {(['checkFits', 'checkAddresses', 'checkMotivates'] as const).map((key) => (
            <TriState
              key={key}
              id={`${prefix}${key}`}
              label={
                { checkFits: r.fits, checkAddresses: r.addresses, checkMotivates: r.motivates }[key]
              }
              value={form.values[key]}
              onChange={(v) => form.set(key, v)}
              words={r}
            />
          ))}
        </fieldset>
      )}
      <TriState
        id={`${prefix}personAttended`}
        label={r.personAttended}
        value={form.values.personAttended}
        onChange={(v) => form.set('personAttended', v)}
        words={{ yes: r.attended, no: r.absent, unset: r.unset }}
      />
      {!lighter && (
        <SelectField
          label={r.decision}
          placeholder=""
          disabled={decided}
          options={optionsOf(decisionsFor[item.kind], itemDecisionLabels, label)}
          {...text(flat, 'decision')}
        />
      )}
      <TextArea label={r.decisionNote} rows={2} {...text(flat, 'decisionNote')} />
      {closing && !decided && (
        <fieldset className="mb-6 rounded-8 border border-solid-gray-300 p-3">
          <legend className="px-2 text-std-17B-170">{r.closure}</legend>
          {decision === 'termination_approved' && (
            <SelectField
              label={r.closureReason}
              required
              placeholder=""
              options={optionsOf(terminationReasons, terminationReasonLabels, label)}
              {...text(flat, 'closure.reason')}
            />
          )}
          <TextArea label={r.closureDetail} rows={2} {...text(flat, 'closure.reasonDetail')} />
          <Checkbox label={r.followUp} {...flag(flat, 'closure.followUp')} />
          {form.values['closure.followUp'] === true && (
            <div className="grid gap-x-4 sm:grid-cols-3">
              <SelectField
                label={r.followUpBy}
                placeholder=""
                options={staff}
                {...text(flat, 'closure.followUpBy')}
              />
              <TextField label={r.followUpMethod} {...text(flat, 'closure.followUpMethod')} />
              <DateField label={r.followUpUntil} {...text(flat, 'closure.followUpUntil')} />
            </div>
          )}
        </fieldset>
      )}
      <fieldset className="mb-6">
        <legend className="text-std-17B-170">{r.homework}</legend>
        {item.homework.map((h) => (
          <p key={h.id} className="mb-1" data-testid="homework">
            {h.description}（{h.ownerName ?? ''}
            {h.dueOn ? `・${h.dueOn}` : ''}）
          </p>
        ))}
        {homework.map((h, i) => (
          // Rows are only appended while the form is open, so the index is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <div key={i} className="grid gap-x-4 sm:grid-cols-3">
            <TextField
              id={`${prefix}homework.${i}.description`}
              label={r.homeworkDescription}
              required
              value={h.description}
              onChange={(e) => setRow('homework', i, 'description', e.target.value)}
              error={form.errors[`homework.${i}.description`]}
            />
            <SelectField
              id={`${prefix}homework.${i}.ownerId`}
              label={r.owner}
              required
              placeholder=""
              options={staff}
              value={h.ownerId}
              onChange={(e) => setRow('homework', i, 'ownerId', e.target.value)}
              error={form.errors[`homework.${i}.ownerId`]}
            />
            <DateField
              id={`${prefix}homework.${i}.dueOn`}
              label={r.dueOn}
              value={h.dueOn}
              onChange={(e) => setRow('homework', i, 'dueOn', e.target.value)}
              error={form.errors[`homework.${i}.dueOn`]}
            />
          </div>
        ))}
        <Button
          variant="tertiary"
          onClick={() =>
            form.set('homework', [...homework, { description: '', ownerId: '', dueOn: '' }])
          }
        >
          {r.addHomework}
        </Button>
      </fieldset>
      <fieldset className="mb-6">
        <legend className="text-std-17B-170">{r.gaps}</legend>
        {item.resourceGaps.map((g) => (
          <p key={g.id} className="mb-1">
            {g.description}
          </p>
        ))}
        {gaps.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended.
          <div key={i}>
            <TextField
              id={`${prefix}resourceGaps.${i}.description`}
              label={r.gapDescription}
              required
              value={g.description}
              onChange={(e) => setRow('resourceGaps', i, 'description', e.target.value)}
              error={form.errors[`resourceGaps.${i}.description`]}
            />
          </div>
        ))}
        <Button
          variant="tertiary"
          onClick={() => form.set('resourceGaps', [...gaps, { description: '' }])}
        >
          {r.addGap}
        </Button>
      </fieldset>
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : r.save}
      </Button>
    </Form>
  );
}

/** After a plan is adopted at the meeting: the municipality's support decision, from here. */
export function MeetingSupportDecision({ caseId, planId }: { caseId: string; planId: string }) {
  const { t } = useI18n();
  const session = useSession();
  // Only the municipality decides; nobody else loads (and is audited reading) the case for it.
  const decides = session.can('supportDecision.record');
  const view = useCase(caseId, decides);
  const plan = useQuery({
    queryKey: ['plan', planId, 'meeting'],
    queryFn: async () =>
      (
        await api.cases[':id'].plans[':childId'].$get({ param: { id: caseId, childId: planId } })
      ).json(),
    enabled: decides,
  });
  if (!view.data || !plan.data?.abilities.decide) return null;
  return (
    <div className="mt-4" data-testid="meeting-support-decision">
      <h4 className="text-std-17B-170">{t.meetings.record.supportDecision}</h4>
      <p>{t.meetings.record.supportDecisionLead}</p>
      <PlanSteps
        key={plan.data.version}
        view={view.data}
        plan={plan.data}
        idPrefix={`plan-${plan.data.id}-`}
      />
    </div>
  );
}
