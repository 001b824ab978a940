import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EcomapView } from '../../../server/multi-agency/get-ecomap';
import type {
  MultiAgencyCaseView,
  PartnerMultiAgencyCaseView,
} from '../../../server/multi-agency/present';
import { api } from '../../api/client';
import { useStep } from '../../api/use-step';

export type { EcomapView, MultiAgencyCaseView, PartnerMultiAgencyCaseView };

/** The case tab's data: the household's multi-agency cases, whether to refer, the sittings. */
export function useCaseMultiAgency(caseId: string) {
  return useQuery({
    queryKey: ['multi-agency', 'case', caseId],
    queryFn: async () =>
      (await api.cases[':id']['multi-agency'].$get({ param: { id: caseId } })).json(),
  });
}

export function useEcomap(caseId: string) {
  return useQuery({
    queryKey: ['ecomap', caseId],
    queryFn: async () => (await api.cases[':id'].ecomap.$get({ param: { id: caseId } })).json(),
  });
}

/** After a change: the tab, the ecomap, the list and the case page see it. */
export function useRefreshMultiAgency(caseId: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['multi-agency'] }),
      queryClient.invalidateQueries({ queryKey: ['ecomap', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
    ]);
  }, [queryClient, caseId]);
}

/** A step taken from a button on the tab; see useStep. */
export function useMultiAgencyStep(caseId: string) {
  return useStep(useRefreshMultiAgency(caseId));
}

/** Support agencies of the municipality, for referrers and carriers. */
export function useSupportAgencies() {
  const query = useQuery({
    queryKey: ['support-agencies'],
    queryFn: async () => (await api['support-agencies'].$get()).json(),
  });
  const items = (query.data?.items ?? []) as { id: string; name: string }[];
  return items.map((a) => ({ value: a.id, label: a.name }));
}
