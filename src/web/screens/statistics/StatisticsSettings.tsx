import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StatisticsTargets } from '../../../domain/statistics/report';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { bind } from '../../forms/bind';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { useRecordForm } from '../../forms/use-record-form';
import { fill, useI18n } from '../../i18n/i18n';

/**
 * 統計の設定 (statistics.manage): the 目安値 and each district's population. Both are ordinary
 * versioned records: what was typed survives a reload (drafts) and a stale save (409) shows both
 * versions to choose from.
 */
type TargetsView = { values: StatisticsTargets; version: number };
type DistrictView = { id: string; name: string; population: number | null; version: number };

const invalidate = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ queryKey: ['statistics'] });

export function StatisticsSettings({
  targets,
  districts,
}: {
  targets: TargetsView;
  districts: readonly DistrictView[];
}) {
  const { t } = useI18n();
  const s = t.statistics.settings;
  return (
    <section
      aria-labelledby="settings-title"
      className="no-print mb-10 rounded-12 border border-solid-gray-420 p-4"
      data-testid="statistics-settings"
    >
      <h2 id="settings-title" className="mb-2 text-std-24B-150">
        {s.title}
      </h2>
      <p className="mb-6 text-solid-gray-700">{s.lead}</p>
      <TargetsForm targets={targets} />
      <h3 className="mt-8 mb-2 text-std-20B-150">{s.populations}</h3>
      <p className="mb-4 text-solid-gray-700">{s.populationsLead}</p>
      <div className="grid gap-x-6 md:grid-cols-2">
        {districts.map((d) => (
          <PopulationForm key={d.id} district={d} />
        ))}
      </div>
    </section>
  );
}

type TargetValues = {
  newConsultations: string;
  plans: string;
  employmentSupportTargets: string;
  /** Typed as a percentage (70), sent as a fraction (0.7). */
  employmentRate: string;
};

const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function targetValues(record: Record<string, unknown>): TargetValues {
  const values = (record.values ?? {}) as Partial<Record<keyof StatisticsTargets, number | null>>;
  const rate = values.employmentRate;
  return {
    newConsultations: asText(values.newConsultations),
    plans: asText(values.plans),
    employmentSupportTargets: asText(values.employmentSupportTargets),
    employmentRate: rate === null || rate === undefined ? '' : String(Math.round(rate * 1000) / 10),
  };
}

/** 70 (or ７０％) → '0.7'; left as typed when it is not a number, for the server to refuse. */
function rateToFraction(text: string): string {
  const plain = text.normalize('NFKC').replace(/[%\s]/g, '');
  if (plain === '') return '';
  const n = Number(plain);
  return Number.isFinite(n) ? String(Math.round(n * 10) / 1000) : text;
}

function TargetsForm({ targets }: { targets: TargetsView }) {
  const { t } = useI18n();
  const s = t.statistics.settings;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useRecordForm({
    formKey: 'statistics-targets',
    initial: targetValues(targets),
    version: targets.version,
    fromRecord: targetValues,
    submit: async (values, version) =>
      (
        await api.statistics.targets.$put({
          json: {
            version: version ?? 0,
            newConsultations: values.newConsultations,
            plans: values.plans,
            employmentSupportTargets: values.employmentSupportTargets,
            employmentRate: rateToFraction(values.employmentRate),
          },
        })
      ).json(),
    onSaved: (updated) => {
      setSaved(true);
      form.reset(targetValues(updated), updated.version);
      void invalidate(queryClient);
    },
  });
  const labels = {
    newConsultations: s.newConsultations,
    plans: s.plans,
    employmentSupportTargets: s.employmentSupportTargets,
    employmentRate: s.employmentRate,
  };
  return (
    <Form form={form} className="max-w-2xl" data-testid="targets-form">
      <h3 className="mb-2 text-std-20B-150">{s.targets}</h3>
      <p className="mb-4 text-solid-gray-700">{s.targetsLead}</p>
      {saved && !form.dirty && <Notice tone="success" title={s.targetsSaved} />}
      <FormFeedback form={form} labels={labels} idPrefix="target-" />
      {(Object.keys(labels) as (keyof TargetValues)[]).map((key) => (
        <TextField
          key={key}
          label={labels[key]}
          inputMode="decimal"
          {...bind(form, key)}
          id={`target-${key}`}
        />
      ))}
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : s.saveTargets}
      </Button>
    </Form>
  );
}

function PopulationForm({ district }: { district: DistrictView }) {
  const { t } = useI18n();
  const s = t.statistics.settings;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const toValues = (d: Record<string, unknown>) => ({ population: asText(d.population) });
  const form = useRecordForm({
    formKey: `district-population:${district.id}`,
    initial: toValues(district),
    version: district.version,
    fromRecord: toValues,
    submit: async (values, version) =>
      (
        await api.statistics.districts[':id'].population.$put({
          param: { id: district.id },
          json: { version: version ?? district.version, population: values.population },
        })
      ).json(),
    onSaved: (updated) => {
      setSaved(true);
      form.reset(toValues(updated), updated.version);
      void invalidate(queryClient);
    },
  });
  const label = fill(s.population, { name: district.name });
  return (
    <Form form={form} className="mb-4" data-testid="population-form">
      {saved && !form.dirty && (
        <Notice tone="success" title={fill(s.populationSaved, { name: district.name })} />
      )}
      <FormFeedback
        form={form}
        labels={{ population: label }}
        idPrefix={`population-${district.id}-`}
      />
      <div className="flex items-end gap-3">
        <div className="grow">
          <TextField
            label={label}
            inputMode="numeric"
            {...bind(form, 'population')}
            id={`population-${district.id}-population`}
          />
        </div>
        <Button type="submit" variant="secondary" className="mb-6" disabled={form.submitting}>
          {form.submitting ? t.app.saving : s.savePopulation}
        </Button>
      </div>
    </Form>
  );
}
