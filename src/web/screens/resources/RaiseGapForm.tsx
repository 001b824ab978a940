import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/fields';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat, text } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { useI18n } from '../../i18n/i18n';

interface ChosenCase {
  id: string;
  label: string;
}
type Values = { description: string; cases: ChosenCase[] } & Record<string, unknown>;

/** 不足する社会資源の提起: what is missing, and the cases it affects (found among one's own). */
export function RaiseGapForm() {
  const { t } = useI18n();
  const g = t.resources.gaps;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['case-search', search, 'all'],
    queryFn: async () =>
      (await api.cases.search.$get({ query: { q: search, status: 'all' } })).json(),
    enabled: search.length > 0,
  });
  const form = useRecordForm<Values, { id: string }>({
    formKey: 'resource-gap:new',
    initial: { description: '', cases: [] },
    version: null,
    submit: async (values) =>
      (
        await api['resource-gaps'].$post({
          json: { description: values.description, caseIds: values.cases.map((c) => c.id) },
        })
      ).json(),
    onSaved: async (gap) => {
      await queryClient.invalidateQueries({ queryKey: ['resource-gaps'] });
      navigate(`/resource-gaps/${gap.id}`, { state: { raised: true } });
    },
  });
  const flat = asFlat(form);
  const caseError = Object.entries(form.errors).find(([k]) => k.startsWith('caseIds'))?.[1];
  return (
    <Form form={form} className="max-w-3xl" data-testid="raise-gap">
      <FormFeedback form={form} labels={{ description: g.description, caseIds: g.cases }} />
      <TextArea
        label={g.description}
        hint={g.descriptionHint}
        required
        rows={3}
        {...text(flat, 'description')}
      />
      {session.can('case.read') && (
        <fieldset className="mb-6" data-field="caseIds">
          <legend className="text-std-17B-170">{g.cases}</legend>
          <p className="mt-1 text-dns-16N-130 text-solid-gray-700">{g.casesHint}</p>
          {caseError && <p className="mt-1 text-dns-16B-130 text-error-1">{caseError}</p>}
          <ul className="my-2" data-testid="gap-cases">
            {form.values.cases.map((c) => (
              <li key={c.id} className="flex items-center gap-3">
                {c.label}
                <Button
                  variant="tertiary"
                  onClick={() =>
                    form.update((v) => ({ ...v, cases: v.cases.filter((x) => x.id !== c.id) }))
                  }
                >
                  {g.removeCase}
                </Button>
              </li>
            ))}
          </ul>
          <div className="flex items-end gap-3">
            <div className="grow">
              <TextField
                plain
                id="gap-case-search"
                type="search"
                label={g.caseSearch}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    setSearch(typed.trim());
                  }
                }}
              />
            </div>
            <Button variant="secondary" className="mb-6" onClick={() => setSearch(typed.trim())}>
              {t.app.search}
            </Button>
          </div>
          {search && found.data && (
            <ul data-testid="gap-case-results">
              {found.data.items.length === 0 && <li>{t.app.noResults}</li>}
              {found.data.items.map((c) => {
                const caseLabel = `${c.caseNumber} ${c.name}`;
                const chosen = form.values.cases.some((x) => x.id === c.id);
                return (
                  <li key={c.id} className="flex items-center gap-3">
                    {caseLabel}
                    <Button
                      variant="tertiary"
                      disabled={chosen}
                      aria-label={`${caseLabel} ${g.add}`}
                      onClick={() =>
                        form.update((v) => ({
                          ...v,
                          cases: [...v.cases, { id: c.id, label: caseLabel }],
                        }))
                      }
                    >
                      {g.add}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
      )}
      <Button type="submit" disabled={form.submitting}>
        {form.submitting ? t.app.saving : g.submitRaise}
      </Button>
    </Form>
  );
}
