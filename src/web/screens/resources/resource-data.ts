import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { serviceClasses } from '../../../domain/cases/vocabulary';
import {
  formalities,
  participationKinds,
  resourceCategories,
} from '../../../domain/resources/vocabulary';
import type { SocialResourceView } from '../../../server/resources/present';
import { api } from '../../api/client';

/** The directory's filters, kept in the URL so a filtered list can be shared, printed, exported. */
export function useResourceFilter() {
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(values: readonly T[], key: string) =>
    values.find((v) => v === params.get(key));
  const filter = {
    q: params.get('q') ?? '',
    category: pick(resourceCategories, 'category'),
    serviceClass: pick(serviceClasses, 'serviceClass'),
    formality: pick(formalities, 'formality'),
    districtId: params.get('districtId') ?? '',
    area: params.get('area') ?? '',
    tag: params.get('tag') ?? '',
    participationKind: pick(participationKinds, 'participationKind'),
    communityBase: params.get('communityBase') === 'true',
    includeArchived: params.get('includeArchived') === 'true',
    sort: pick(['category', 'name', 'updated'] as const, 'sort') ?? 'category',
  };
  // From the address as it is now, not as it was at the last render: two quick changes both stay.
  const setFilter = (
    change: Partial<Record<keyof typeof filter, string | boolean | undefined>>,
  ) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value === '' || value === false || value === undefined) next.delete(key);
      else if (key === 'sort' && value === 'category') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };
  /** The filter as the list API's query (empty ones left out). */
  const query = {
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.serviceClass ? { serviceClass: filter.serviceClass } : {}),
    ...(filter.formality ? { formality: filter.formality } : {}),
    ...(filter.districtId ? { districtId: filter.districtId } : {}),
    ...(filter.area ? { area: filter.area } : {}),
    ...(filter.tag ? { tag: filter.tag } : {}),
    ...(filter.participationKind ? { participationKind: filter.participationKind } : {}),
    ...(filter.communityBase ? { communityBase: 'true' as const } : {}),
    ...(filter.includeArchived ? { includeArchived: 'true' as const } : {}),
    sort: filter.sort,
  };
  return { filter, setFilter, query, search: params.toString() };
}

export function useSocialResources(
  query: Parameters<(typeof api)['social-resources']['$get']>[0]['query'],
) {
  return useQuery({
    queryKey: ['social-resources', query],
    queryFn: async () => (await api['social-resources'].$get({ query })).json(),
    placeholderData: (previous) => previous,
  });
}

/** Every resource in use (and those named already), for choosing a provider or a gap's result. */
export function useResourceOptions(keep: readonly (string | null | undefined)[] = []) {
  const query = useQuery({
    queryKey: ['social-resources', { all: true }],
    queryFn: async () =>
      (
        await api['social-resources'].$get({ query: { includeArchived: 'true', sort: 'category' } })
      ).json(),
  });
  const items: SocialResourceView[] = query.data?.items ?? [];
  return {
    items,
    options: (archivedMark: string) =>
      items
        .filter((r) => !r.archived || keep.includes(r.id))
        .map((r) => ({
          value: r.id,
          label: `${r.name}（${r.serviceClass}）${r.archived ? archivedMark : ''}`,
        })),
    find: (id: string | null | undefined) => items.find((r) => r.id === id),
  };
}

export function useDistricts() {
  const query = useQuery({
    queryKey: ['municipality'],
    queryFn: async () => (await api.municipality.$get()).json(),
  });
  return query.data?.districts ?? [];
}

export function usePartnerOptions() {
  const query = useQuery({
    queryKey: ['partner-agencies', { all: true }],
    queryFn: async () => (await api['partner-agencies'].$get({ query: {} })).json(),
  });
  return (query.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
}

/** The form's values for a resource (flat, under a prefix when the form nests it). */
export function resourceValues(r: Partial<SocialResourceView> | null, prefix = '') {
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const values: Record<string, unknown> = {
    name: str(r?.name),
    nameKana: str(r?.nameKana),
    category: str(r?.category),
    serviceClass: str(r?.serviceClass),
    formality: r?.formal === undefined ? '' : r.formal ? 'formal' : 'informal',
    providerPartnerAgencyId: str(r?.providerPartnerAgencyId),
    providerName: str(r?.providerName),
    description: str(r?.description),
    capacity: str(r?.capacity),
    capacityNote: str(r?.capacityNote),
    area: str(r?.area),
    districtId: str(r?.districtId),
    postalCode: str(r?.postalCode),
    address: str(r?.address),
    phone: str(r?.phone),
    email: str(r?.email),
    contactName: str(r?.contactName),
    hours: str(r?.hours),
    fee: str(r?.fee),
    tags: (r?.tags ?? []).join('、'),
    participationKinds: [...(r?.participationKinds ?? [])],
    accommodations: str(r?.accommodations),
    isCommunityBase: r?.isCommunityBase === true,
    coordinatorName: str(r?.coordinatorName),
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** The request body from the form's values: formality as a flag, tags split on 「、」 or commas. */
export function resourceBody(values: Record<string, unknown>, prefix = '') {
  const get = (key: string) => values[`${prefix}${key}`];
  const keys = Object.keys(resourceValues(null));
  const body: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, get(k)]));
  const formality = get('formality');
  body.formal = formality === 'formal' ? true : formality === 'informal' ? false : undefined;
  delete body.formality;
  body.tags = String(get('tags') ?? '')
    .split(/[、,，]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return body;
}
