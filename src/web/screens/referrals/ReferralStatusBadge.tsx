import {
  type ReferralStatus,
  referralStatusLabels,
} from '../../../domain/referrals/referral-status';
import { useI18n } from '../../i18n/i18n';

const tones: Record<ReferralStatus, string> = {
  pending: 'bg-yellow-50 text-yellow-1100 border-yellow-700',
  accepted: 'bg-blue-50 text-blue-1000 border-blue-700',
  declined: 'bg-red-50 text-error-2 border-error-1',
  returned: 'bg-red-50 text-error-2 border-error-1',
  arrived: 'bg-green-50 text-green-1000 border-green-700',
  not_arrived: 'bg-orange-50 text-orange-1100 border-orange-700',
  cancelled: 'bg-solid-gray-50 text-solid-gray-800 border-solid-gray-500',
};

/** A referral's status in words, coloured by whether someone must act. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { label } = useI18n();
  return (
    <span
      className={`inline-block rounded-4 border px-2 text-dns-14B-130 leading-6 ${tones[status]}`}
      data-testid="referral-status"
      data-status={status}
    >
      {label(referralStatusLabels[status])}
    </span>
  );
}
