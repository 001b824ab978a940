import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CaseView } from '../../../server/cases/get-case';
import { api } from '../../api/client';
import { useStep } from '../../api/use-step';

export type { CaseView };

/** The case page's data, shared by every tab. */
export function useCase(id: string, enabled = true) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: async () => (await api.cases[':id'].$get({ param: { id } })).json(),
    enabled,
  });
}

/** After a change: the case page, the caseload and searches see the new state. */
export function useRefreshCase(id: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['case', id] }),
      queryClient.invalidateQueries({ queryKey: ['caseload'] }),
      queryClient.invalidateQueries({ queryKey: ['plan'] }),
    ]);
  }, [queryClient, id]);
}

/** Partner agencies of the municipality, for choosing referral targets, providers, consent scope. */
export function usePartners() {
  const query = useQuery({
    queryKey: ['partner-agencies', { all: true }],
    queryFn: async () => (await api['partner-agencies'].$get({ query: {} })).json(),
  });
  const items = query.data?.items ?? [];
  return {
    options: items.map((p) => ({ value: p.id, label: p.name })),
    name: (id: string | null | undefined) => items.find((p) => p.id === id)?.name ?? '',
  };
}

/** Staff who can lead or follow up a case. */
export function useCaseStaff() {
  const query = useQuery({
    queryKey: ['case-staff'],
    queryFn: async () => (await api.cases.staff.$get()).json(),
  });
  return (query.data?.items ?? []).map((s) => ({ value: s.id, label: s.displayName }));
}

/** A step on the case taken from a button; see useStep. */
export function useCaseStep(id: string) {
  return useStep(useRefreshCase(id));
}
