import { type CaseStatus, caseStatusLabels } from '../../domain/cases/case-status';
import { useI18n } from '../i18n/i18n';

const tone: Partial<Record<CaseStatus, string>> = {
  detected: 'bg-purple-50 text-purple-900 border-purple-600',
  intake: 'bg-blue-50 text-blue-1000 border-blue-700',
  in_support: 'bg-green-50 text-green-1000 border-green-700',
  monitoring: 'bg-green-50 text-green-1000 border-green-700',
  evaluation: 'bg-yellow-50 text-yellow-1100 border-yellow-700',
  plan_review: 'bg-yellow-50 text-yellow-1100 border-yellow-700',
  plan_adopted: 'bg-yellow-50 text-yellow-1100 border-yellow-700',
  terminated: 'bg-solid-gray-50 text-solid-gray-800 border-solid-gray-500',
  closed: 'bg-solid-gray-50 text-solid-gray-800 border-solid-gray-500',
  interrupted: 'bg-orange-50 text-orange-1100 border-orange-700',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { label } = useI18n();
  return (
    <span
      className={`inline-block rounded-4 border px-2 text-dns-14B-130 leading-6 ${tone[status] ?? 'bg-white text-solid-gray-800 border-solid-gray-500'}`}
      data-status={status}
    >
      {label(caseStatusLabels[status])}
    </span>
  );
}
