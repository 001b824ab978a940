import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { serviceClassLabels } from '../../../domain/cases/vocabulary';
import {
  formalityLabels,
  participationKindLabels,
  resourceCategoryLabels,
} from '../../../domain/resources/vocabulary';
import type { SocialResourceView } from '../../../server/resources/present';
import { api } from '../../api/client';
import { useStep } from '../../api/use-step';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { Form } from '../../forms/Form';
import { FormFeedback } from '../../forms/FormFeedback';
import { asFlat } from '../../forms/flat-form';
import { useRecordForm } from '../../forms/use-record-form';
import { useI18n } from '../../i18n/i18n';
import { ResourceFields, useResourceLabels } from './ResourceFields';
import { resourceBody, resourceValues } from './resource-data';

type Body = Parameters<(typeof api)['social-resources']['$post']>[0]['json'];

/** The server calls the radio's value `formal`; the form keeps it as `formality`. */
const errorKey = (path: string) => (path === 'formal' ? 'formality' : path);

function ResourceForm({ resource }: { resource: SocialResourceView | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useResourceLabels();
  const form = useRecordForm<Record<string, unknown>, SocialResourceView>({
    formKey: resource ? `social-resource:${resource.id}` : 'social-resource:new',
    initial: resourceValues(resource),
    version: resource?.version ?? null,
    fromRecord: (r) => resourceValues(r as SocialResourceView),
    errorKey,
    submit: async (values, version) => {
      // Typed text and fixed lists; the server validates them.
      const json = resourceBody(values) as Body;
      if (resource) {
        return (
          await api['social-resources'][':id'].$put({
            param: { id: resource.id },
            json: { ...json, version: version ?? 1 },
          })
        ).json();
      }
      return (await api['social-resources'].$post({ json })).json();
    },
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['social-resources'] });
      navigate('/resources', { state: { saved: saved.name } });
    },
  });
  return (
    <Form form={form} className="max-w-3xl" data-testid="resource-form">
      <FormFeedback form={form} labels={labels} />
      <ResourceFields form={asFlat(form)} />
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t.app.saving : t.app.save}
        </Button>
        <Button variant="secondary" onClick={() => navigate('/resources')}>
          {t.app.back}
        </Button>
      </div>
    </Form>
  );
}

/** What a reader without the right to keep the directory sees. */
function ResourceDetails({ resource }: { resource: SocialResourceView }) {
  const { t, label } = useI18n();
  const d = t.resources.directory;
  const rows: [string, string | number | null][] = [
    [d.nameKana, resource.nameKana],
    [d.category, label(resourceCategoryLabels[resource.category])],
    [d.serviceClass, label(serviceClassLabels[resource.serviceClass])],
    [d.formality, label(formalityLabels[resource.formal ? 'formal' : 'informal'])],
    [d.description, resource.description],
    [d.provider, resource.providerPartnerAgencyName ?? resource.providerName],
    [d.capacity, resource.capacity],
    [d.capacityNote, resource.capacityNote],
    [d.hours, resource.hours],
    [d.fee, resource.fee],
    [d.area, resource.area],
    [d.district, resource.districtName],
    [d.address, [resource.postalCode, resource.address].filter(Boolean).join(' ')],
    [d.phone, resource.phone],
    [d.email, resource.email],
    [d.contactName, resource.contactName],
    [d.tags, resource.tags.join('、')],
    [
      d.participationKinds,
      resource.participationKinds.map((k) => label(participationKindLabels[k])).join('、'),
    ],
    [d.accommodations, resource.accommodations],
    [d.coordinatorName, resource.isCommunityBase ? resource.coordinatorName : null],
  ];
  return (
    <dl
      className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2"
      data-testid="resource-details"
    >
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-solid-gray-700">{name}</dt>
          <dd className="whitespace-pre-wrap">{value === null || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ArchiveButton({ resource }: { resource: SocialResourceView }) {
  const { t } = useI18n();
  const d = t.resources.directory;
  const queryClient = useQueryClient();
  const step = useStep(() => queryClient.invalidateQueries({ queryKey: ['social-resources'] }));
  return (
    <div className="mt-8 border-t border-solid-gray-200 pt-4">
      <Button
        variant={resource.archived ? 'secondary' : 'danger'}
        onClick={() =>
          void step.run(() =>
            api['social-resources'][':id'].archive.$post({
              param: { id: resource.id },
              json: { version: resource.version, archived: !resource.archived },
            }),
          )
        }
      >
        {resource.archived ? d.restore : d.archive}
      </Button>
      {step.error && <Notice tone="error" title={step.error.message} />}
    </div>
  );
}

/** 社会資源の登録・編集 (or the details, for a reader who cannot keep the directory). */
export function ResourceFormPage() {
  const { t } = useI18n();
  const d = t.resources.directory;
  const { id } = useParams();
  const query = useQuery({
    queryKey: ['social-resources', id],
    queryFn: async () =>
      (await api['social-resources'][':id'].$get({ param: { id: id ?? '' } })).json(),
    enabled: id !== undefined,
  });
  if (!id) {
    return (
      <Page title={d.newTitle}>
        <ResourceForm resource={null} />
      </Page>
    );
  }
  if (!query.data) return <QueryState error={query.error} />;
  const resource = query.data;
  return (
    <Page title={resource.abilities.update ? d.editTitle : resource.name}>
      {resource.archived && <Notice tone="warning" title={d.archivedNotice} />}
      {resource.abilities.update ? (
        <>
          <ResourceForm key={resource.version} resource={resource} />
          <ArchiveButton resource={resource} />
        </>
      ) : (
        <ResourceDetails resource={resource} />
      )}
    </Page>
  );
}
