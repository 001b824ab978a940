import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useStep } from '../../api/use-step';

export interface ReferralFilter {
  status?: string;
  attention?: boolean;
  mine?: boolean;
}

/** The referrals list: the partner's inbox, or the referrals sent from the staff's cases. */
export function useReferrals(filter: ReferralFilter, enabled = true) {
  return useQuery({
    queryKey: ['referrals', filter],
    queryFn: async () =>
      (
        await api.referrals.$get({
          query: {
            ...(filter.status ? { status: filter.status as 'pending' } : {}),
            ...(filter.attention ? { attention: 'true' as const } : {}),
            ...(filter.mine ? { mine: 'true' as const } : {}),
          },
        })
      ).json(),
    enabled,
  });
}

export type ReferralList = NonNullable<ReturnType<typeof useReferrals>['data']>;
export type ReferralListItem = ReferralList['items'][number];

/** What a referral shared with the partner's agency about one person. */
export function useSharedCase(caseId: string) {
  return useQuery({
    queryKey: ['shared-case', caseId],
    queryFn: async () => (await api['shared-cases'][':id'].$get({ param: { id: caseId } })).json(),
  });
}

export type SharedCase = NonNullable<ReturnType<typeof useSharedCase>['data']>;

/** After a referral changed: the lists, the shared case and the case page see the new state. */
export function useRefreshReferrals() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['referrals'] }),
      queryClient.invalidateQueries({ queryKey: ['shared-case'] }),
      queryClient.invalidateQueries({ queryKey: ['case'] }),
      queryClient.invalidateQueries({ queryKey: ['caseload'] }),
    ]);
  }, [queryClient]);
}

export function useReferralStep() {
  return useStep(useRefreshReferrals());
}

/** The link to a document handed over with a referral, for the agency referred to. */
export function sharedDocumentPath(caseId: string, referralId: string, attachmentId: string) {
  return `/api/shared-cases/${caseId}/referrals/${referralId}/documents/${attachmentId}`;
}
