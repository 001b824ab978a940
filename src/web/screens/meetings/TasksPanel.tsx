import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { todayInJapan } from '../../../domain/text/wareki';
import { api } from '../../api/client';
import { useStep } from '../../api/use-step';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { fill, useI18n } from '../../i18n/i18n';
import { useMyTasks } from './meeting-data';

/** Homework given to the user at meetings, on the home page until it is done. */
export function TasksPanel() {
  const { t, lang } = useI18n();
  const k = t.meetings.tasks;
  const tasks = useMyTasks();
  const queryClient = useQueryClient();
  const { error, run } = useStep(() =>
    queryClient.invalidateQueries({ queryKey: ['meeting-tasks'] }),
  );
  const items = tasks.data?.items ?? [];
  const today = todayInJapan();
  return (
    <Section title={k.title}>
      {error && <Notice tone="error" title={error.message} />}
      {items.length === 0 && <p>{k.none}</p>}
      <ul className="grid gap-3" data-testid="my-tasks">
        {items.map((task) => (
          <li
            key={task.id}
            className="flex flex-wrap items-start justify-between gap-3 rounded-8 border border-solid-gray-300 p-3"
            data-testid="task"
          >
            <div>
              <p className="text-std-17B-170">{task.description}</p>
              <p className="text-dns-16N-130">
                {task.caseId && (
                  <Link to={`/cases/${task.caseId}`} className="mr-3">
                    {task.caseNumber}　{task.personName}
                  </Link>
                )}
                <span className={task.dueOn && task.dueOn < today ? 'font-bold text-error-1' : ''}>
                  {task.dueOn ? fill(k.due, { date: formatDate(task.dueOn, lang) }) : k.noDue}
                  {task.dueOn && task.dueOn < today && `（${k.overdue}）`}
                </span>
              </p>
              <p className="text-dns-14N-130 text-solid-gray-700">
                <Link to={`/meetings/${task.meetingId}`}>
                  {fill(k.from, {
                    series: task.seriesName ?? '',
                    date: formatDate(task.meetingOn, lang),
                  })}
                </Link>
              </p>
            </div>
            <Button
              variant="secondary"
              onClick={() =>
                void run(() =>
                  api.meetings.tasks[':id'].done.$post({
                    param: { id: task.id },
                    json: { version: task.version, doneOn: today },
                  }),
                )
              }
            >
              {k.done}
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
