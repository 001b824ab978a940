import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useStep } from '../../api/use-step';

/** The meeting page's data: the meeting, its bodies, attendance and the agenda as the reader may see it. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: ['meeting', id],
    queryFn: async () => (await api.meetings[':id'].$get({ param: { id } })).json(),
  });
}

export type MeetingView = NonNullable<ReturnType<typeof useMeeting>['data']>;
export type AgendaItem = MeetingView['agenda'][number];
export type VisibleItem = Extract<AgendaItem, { visible: true }>;

export function useMeetingSeries() {
  return useQuery({
    queryKey: ['meeting-series'],
    queryFn: async () => (await api['meeting-series'].$get()).json(),
  });
}

/** One's own open homework from meetings, for the home page. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['meeting-tasks'],
    queryFn: async () => (await api.meetings.tasks.$get()).json(),
  });
}

/** After a change: the meeting page, the lists and suggestions see the new state. */
export function useRefreshMeeting(id: string) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['meeting', id] }),
      queryClient.invalidateQueries({ queryKey: ['meetings'] }),
      queryClient.invalidateQueries({ queryKey: ['meeting-suggestions'] }),
      queryClient.invalidateQueries({ queryKey: ['meeting-tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['case'] }),
      queryClient.invalidateQueries({ queryKey: ['plan'] }),
    ]);
  }, [queryClient, id]);
}

/** A step on the meeting taken from a button; see useStep. */
export function useMeetingStep(id: string) {
  return useStep(useRefreshMeeting(id));
}
