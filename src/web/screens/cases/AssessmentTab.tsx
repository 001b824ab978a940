import { useState } from 'react';
import { Link } from 'react-router';
import {
  assessmentDomainLabels,
  assessmentDomains,
  informationSourceLabels,
  informationSources,
  prognoses,
  prognosisLabels,
} from '../../../domain/cases/vocabulary';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { DateField } from '../../components/DateField';
import { CheckboxGroup, TextArea } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, list, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { type CaseView, useCaseStep, useRefreshCase } from './case-data';

type Assessment = CaseView['assessments'][number];
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const domainKeys = ['situation', 'issues', 'directFactors', 'indirectFactors'] as const;

function toValues(a: Assessment): Record<string, unknown> {
  const values: Record<string, unknown> = {
    assessedOn: a.assessedOn,
    strengths: str(a.strengths),
    prognosis: str(a.prognosis),
    workerView: str(a.workerView),
  };
  for (const domain of assessmentDomains) {
    const d = a.domains.find((x) => x.domain === domain);
    for (const key of domainKeys) values[`${domain}.${key}`] = str(d?.[key]);
    values[`${domain}.sources`] = d?.sources ?? [];
  }
  return values;
}

function toBody(values: Record<string, unknown>) {
  return {
    assessedOn: String(values.assessedOn ?? ''),
    strengths: String(values.strengths ?? ''),
    prognosis: String(values.prognosis ?? ''),
    workerView: String(values.workerView ?? ''),
    domains: assessmentDomains.map((domain) => ({
      domain,
      situation: String(values[`${domain}.situation`] ?? ''),
      issues: String(values[`${domain}.issues`] ?? ''),
      directFactors: String(values[`${domain}.directFactors`] ?? ''),
      indirectFactors: String(values[`${domain}.indirectFactors`] ?? ''),
      sources: (values[`${domain}.sources`] as string[]) ?? [],
    })),
  };
}

/** `assessment.domains.3.issues` → `work.issues`: the body sends every domain, in order. */
function assessmentErrorKey(path: string): string {
  const key = path.replace(/^assessment\./, '');
  const match = /^domains\.(\d+)\.(.+)$/.exec(key);
  const domain = match ? assessmentDomains[Number(match[1])] : undefined;
  return match && domain ? `${domain}.${match[2]}` : key;
}

function AssessmentEditor({ view, assessment }: { view: CaseView; assessment: Assessment }) {
  const { t, label } = useI18n();
  const a = t.cases.assessment;
  const refresh = useRefreshCase(view.case.id);
  const [completeError, setCompleteError] = useState<ApiError | null>(null);
  const form = useRecordForm<Record<string, unknown>, unknown>({
    formKey: `assessment:${assessment.id}`,
    errorKey: assessmentErrorKey,
    initial: toValues(assessment),
    version: assessment.version,
    submit: async (values, version) =>
      (
        await api.cases[':id'].assessments[':childId'].$put({
          param: { id: view.case.id, childId: assessment.id },
          // Fixed lists and typed text; the server validates them.
          json: {
            version: version ?? 1,
            assessment: toBody(values) as Parameters<
              (typeof api.cases)[':id']['assessments'][':childId']['$put']
            >[0]['json']['assessment'],
          },
        })
      ).json(),
    // The saved version comes back as a new editor (keyed by its version): the fields stay
    // disabled until it has, so nothing is typed into this one meanwhile.
    onSaved: () => refresh(),
  });
  const flat = asFlat(form);
  const complete = async () => {
    setCompleteError(null);
    try {
      await api.cases[':id'].assessments[':childId'].completion.$post({
        param: { id: view.case.id, childId: assessment.id },
        json: { version: form.version ?? assessment.version },
      });
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) setCompleteError(e);
      else throw e;
    }
  };
  const labels: Record<string, string> = {
    assessedOn: a.assessedOn,
    domains: a.domains,
    prognosis: a.prognosis,
  };
  return (
    <Form form={form} className="max-w-4xl" data-testid="assessment-editor">
      <FormFeedback form={form} labels={labels} />
      <DateField label={a.assessedOn} required {...text(flat, 'assessedOn')} />
      <h3 className="mb-2 text-std-20B-150">{a.domains}</h3>
      {assessmentDomains.map((domain) => {
        const filled = domainKeys.some((k) => String(form.values[`${domain}.${k}`] ?? '') !== '');
        return (
          <details
            key={domain}
            open={filled}
            className="mb-3 rounded-8 border border-solid-gray-300 p-3"
            data-domain={domain}
          >
            <summary className="cursor-pointer text-std-17B-170">
              {label(assessmentDomainLabels[domain])}
              {filled ? ' ●' : ''}
            </summary>
            <div className="mt-3 grid gap-x-4 md:grid-cols-2">
              <TextArea label={a.situation} rows={3} {...text(flat, `${domain}.situation`)} />
              <TextArea label={a.issues} rows={3} {...text(flat, `${domain}.issues`)} />
              <TextArea
                label={a.directFactors}
                rows={2}
                {...text(flat, `${domain}.directFactors`)}
              />
              <TextArea
                label={a.indirectFactors}
                rows={2}
                {...text(flat, `${domain}.indirectFactors`)}
              />
            </div>
            <CheckboxGroup
              label={a.sources}
              options={optionsOf(informationSources, informationSourceLabels, label)}
              {...list(flat, `${domain}.sources`)}
            />
          </details>
        );
      })}
      <TextArea label={a.strengths} {...text(flat, 'strengths')} />
      <RadioGroup
        id="prognosis"
        label={a.prognosis}
        options={optionsOf(prognoses, prognosisLabels, label)}
        value={String(form.values.prognosis ?? '')}
        onChange={(v) => form.set('prognosis', v)}
        error={form.errors.prognosis}
      />
      <TextArea label={a.workerView} {...text(flat, 'workerView')} />
      {completeError && (
        <Notice tone="error" title={completeError.fields.domains ?? completeError.message} />
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary" disabled={form.submitting}>
          {a.save}
        </Button>
        <Button onClick={() => void complete()} disabled={form.dirty || form.submitting}>
          {a.complete}
        </Button>
      </div>
      <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{a.completeLead}</p>
    </Form>
  );
}

function AssessmentView({ view, assessment }: { view: CaseView; assessment: Assessment }) {
  const { t, label, lang } = useI18n();
  const a = t.cases.assessment;
  const [review, setReview] = useState(assessment.chiefReview ?? '');
  const { error, run } = useCaseStep(view.case.id);
  const save = () =>
    run(async () => {
      await api.cases[':id'].assessments[':childId'].review.$post({
        param: { id: view.case.id, childId: assessment.id },
        json: { version: assessment.version, chiefReview: review },
      });
    });
  return (
    <div className="max-w-4xl" data-testid="assessment-view">
      <p className="mb-4">
        {a.assessedOn}：{formatDate(assessment.assessedOn, lang)}
      </p>
      <dl className="mb-6 grid gap-4">
        {assessment.domains.map((d) => (
          <div key={d.domain} className="rounded-8 border border-solid-gray-300 p-3">
            <dt className="text-std-17B-170">{label(assessmentDomainLabels[d.domain])}</dt>
            <dd className="grid gap-1 whitespace-pre-wrap">
              {d.situation && (
                <p>
                  {a.situation}：{d.situation}
                </p>
              )}
              {d.issues && (
                <p>
                  {a.issues}：{d.issues}
                </p>
              )}
              {d.directFactors && (
                <p>
                  {a.directFactors}：{d.directFactors}
                </p>
              )}
              {d.indirectFactors && (
                <p>
                  {a.indirectFactors}：{d.indirectFactors}
                </p>
              )}
              {d.sources.length > 0 && (
                <p className="text-dns-14N-130">
                  {a.sources}：{d.sources.map((s) => label(informationSourceLabels[s])).join('・')}
                </p>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mb-2 whitespace-pre-wrap">
        <strong>{a.strengths}</strong>：{assessment.strengths}
      </p>
      {assessment.prognosis && (
        <p className="mb-2">
          <strong>{a.prognosis}</strong>：{label(prognosisLabels[assessment.prognosis])}
        </p>
      )}
      <p className="mb-6 whitespace-pre-wrap">
        <strong>{a.workerView}</strong>：{assessment.workerView}
      </p>
      <h3 className="mb-2 text-std-20B-150">{a.chiefReview}</h3>
      {assessment.reviewedBy && (
        <p className="mb-2 text-dns-14N-130 text-solid-gray-700">
          {fill(a.reviewedBy, {
            name: view.staff[assessment.reviewedBy] ?? '',
            date: formatDateTime(assessment.reviewedAt, lang),
          })}
        </p>
      )}
      {view.abilities.reviewAssessment ? (
        <div>
          {error && <Notice tone="error" title={error.message} />}
          <TextArea
            id="chiefReview"
            label={a.chiefReview}
            value={review}
            onChange={(e) => setReview(e.target.value)}
            error={error?.fields.chiefReview}
          />
          <Button variant="secondary" onClick={() => void save()}>
            {a.saveReview}
          </Button>
        </div>
      ) : (
        <p className="whitespace-pre-wrap">{assessment.chiefReview}</p>
      )}
    </div>
  );
}

export function AssessmentTab({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const a = t.cases.assessment;
  const latest = view.assessments.at(-1);
  const [selected, setSelected] = useState<string | null>(null);
  const shown = view.assessments.find((x) => x.id === selected) ?? latest;
  const { error, run } = useCaseStep(view.case.id);
  const canStart =
    view.abilities.update &&
    (!latest || latest.status === 'completed') &&
    ![
      'detected',
      'intake',
      'continuing',
      'referred_out',
      'info_only',
      'terminated',
      'interrupted',
      'closed',
    ].includes(view.case.status);
  const start = () =>
    run(async () => {
      const created = await (
        await api.cases[':id'].assessments.$post({
          param: { id: view.case.id },
          json: { caseVersion: view.case.version },
        })
      ).json();
      setSelected(created.id);
    });
  return (
    <div>
      <p className="mb-6 max-w-3xl">{a.lead}</p>
      {error && <Notice tone="error" title={error.message} />}
      {view.assessments.length === 0 && <p className="mb-4">{a.none}</p>}
      {view.assessments.length > 0 && (
        <nav aria-label={a.title} className="mb-4 flex flex-wrap gap-2">
          {view.assessments.map((x) => (
            <button
              key={x.id}
              type="button"
              aria-current={x.id === shown?.id}
              onClick={() => setSelected(x.id)}
              className={`rounded-8 border-2 px-3 py-1 ${x.id === shown?.id ? 'border-blue-900 bg-blue-50' : 'border-solid-gray-300'}`}
            >
              {fill(a.versionLabel, { n: x.versionNo })}（
              {x.status === 'draft' ? a.draft : a.completed}）
            </button>
          ))}
          <Link
            to={`/cases/${view.case.id}/print/assessment${shown ? `?assessment=${shown.id}` : ''}`}
            className="ml-auto"
          >
            {t.cases.print.assessmentTitle}（{t.app.print}）
          </Link>
        </nav>
      )}
      {canStart && (
        <Button className="mb-6" onClick={() => void start()}>
          {latest ? a.newVersion : a.start}
        </Button>
      )}
      {shown && (
        <Section title={fill(a.versionLabel, { n: shown.versionNo })}>
          {shown.status === 'draft' && view.abilities.update ? (
            <AssessmentEditor key={`${shown.id}-${shown.version}`} view={view} assessment={shown} />
          ) : (
            <AssessmentView key={`${shown.id}-${shown.version}`} view={view} assessment={shown} />
          )}
        </Section>
      )}
    </div>
  );
}
