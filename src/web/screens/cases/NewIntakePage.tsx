import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatWareki, parseDateInput, todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat } from '../../forms/flat-form';
import { nest } from '../../forms/nest';
import { useRecordForm } from '../../forms/use-record-form';
import { fill, useI18n } from '../../i18n/i18n';
import { emptyIntake, IntakeFields, intakeLabels } from './IntakeFields';
import { emptyPerson, PersonFields, personLabels } from './PersonFields';

type Values = Record<string, unknown> & { personId: string };

/** 新規相談の受付: the person (with the duplicate warning) and the 相談受付・申込票. */
export function NewIntakePage() {
  const { t, lang } = useI18n();
  const c = t.cases;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRecordForm<Values, { id: string }>({
    formKey: 'intake:new',
    initial: { ...emptyPerson('person.'), ...emptyIntake('intake.', todayInJapan()), personId: '' },
    version: null,
    submit: async (values) => {
      const { personId, ...rest } = values;
      const body = nest(rest) as {
        person: Record<string, unknown>;
        intake: Record<string, unknown>;
      };
      // The fields come from fixed lists and typed text; the server validates every one.
      const json = (personId ? { personId, intake: body.intake } : body) as Parameters<
        typeof api.cases.intakes.$post
      >[0]['json'];
      return (await api.cases.intakes.$post({ json })).json();
    },
    onSaved: async (kase) => {
      await queryClient.invalidateQueries({ queryKey: ['caseload'] });
      navigate(`/cases/${kase.id}`);
    },
  });
  const flat = asFlat(form);
  const kana = String(form.values['person.nameKana'] ?? '');
  const birth = parseDateInput(String(form.values['person.birthDate'] ?? ''));
  const [dismissed, setDismissed] = useState<string | null>(null);
  const duplicates = useQuery({
    queryKey: ['duplicates', kana, birth],
    queryFn: async () =>
      (
        await api.persons.duplicates.$get({
          query: { nameKana: kana, ...(birth ? { birthDate: birth } : {}) },
        })
      ).json(),
    enabled: kana.trim().length >= 2 && !form.values.personId,
  });
  const candidates = (duplicates.data?.items ?? []).filter((d) => d.id !== dismissed);
  const chosen = duplicates.data?.items.find((d) => d.id === form.values.personId);
  const labels = { ...personLabels(t, 'person.'), ...intakeLabels(t, 'intake.') };
  return (
    <Page title={c.intake.newTitle} lead={c.intake.newLead}>
      <Form form={form}>
        <FormFeedback form={form} labels={labels} />
        <Section title={c.person.section}>
          {form.values.personId ? (
            <div
              className="mb-6 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4"
              data-testid="existing-person"
            >
              <p>{fill(c.person.usingExisting, { name: chosen?.name ?? '' })}</p>
              <Button variant="tertiary" onClick={() => form.set('personId', '')}>
                {c.person.useNew}
              </Button>
            </div>
          ) : (
            <>
              <PersonFields form={flat} prefix="person." />
              {candidates.length > 0 && (
                <div
                  role="alert"
                  className="mb-6 max-w-3xl rounded-8 border-2 border-warning-orange-2 bg-orange-50 p-4"
                  data-testid="duplicates"
                >
                  <p className="text-std-17B-170">{c.person.duplicateTitle}</p>
                  <p className="mb-2">{c.person.duplicateLead}</p>
                  <ul className="grid gap-2">
                    {candidates.map((d) => (
                      <li key={d.id} className="flex flex-wrap items-center gap-3">
                        <span>
                          {d.name}（{d.nameKana}）
                          {d.birthDate && (lang === 'ja' ? formatWareki(d.birthDate) : d.birthDate)}{' '}
                          {d.address}
                        </span>
                        <Button variant="secondary" onClick={() => form.set('personId', d.id)}>
                          {c.person.useExisting}
                        </Button>
                        <Button variant="tertiary" onClick={() => setDismissed(d.id)}>
                          {c.person.useNew}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          )}
        </Section>
        <Section title={c.intake.section}>
          <IntakeFields form={flat} prefix="intake." />
        </Section>
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t.app.saving : c.intake.submit}
        </Button>
      </Form>
    </Page>
  );
}
