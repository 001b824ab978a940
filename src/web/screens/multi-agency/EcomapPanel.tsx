import { Link } from 'react-router';
import type { TieStrength } from '../../../domain/multi-agency/multi-agency-case';
import { api } from '../../api/client';
import { QueryState } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { EcomapLegend, EcomapSvg, EcomapTable } from './EcomapDiagram';
import { useEcomap, useMultiAgencyStep } from './multi-agency-data';

/**
 * The household's ecomap on the case page: the diagram and, beside it, the same ties as a table
 * (where a worker may set how strong a member's tie to their own agency is), and the A4 sheet.
 */
export function EcomapPanel({
  caseId,
  personName,
  canEdit,
}: {
  caseId: string;
  personName: string;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const e = t.multiAgency.ecomap;
  const query = useEcomap(caseId);
  const { error, run } = useMultiAgencyStep(caseId);
  const map = query.data;
  const onStrength = (memberId: string, agencyId: string, strength: TieStrength) =>
    void run(() =>
      api.cases[':id'].ecomap.ties.$put({
        param: { id: caseId },
        json: {
          version: map?.personVersion ?? 0,
          householdMemberId: memberId,
          partnerAgencyId: agencyId,
          tieStrength: strength,
        },
      }),
    );
  return (
    <Section title={e.title}>
      <p className="mb-4 max-w-3xl">{e.intro}</p>
      {!map ? (
        <QueryState error={query.error} />
      ) : (
        <>
          {error && <Notice tone="error" title={error.message} />}
          <div className="grid gap-6" data-testid="ecomap">
            <div>
              <EcomapSvg map={map} personName={personName} />
              <div className="mt-3">
                <EcomapLegend />
              </div>
            </div>
            <EcomapTable
              map={map}
              personName={personName}
              onStrength={canEdit ? onStrength : undefined}
            />
          </div>
          <p className="no-print mt-4">
            <Link to={`/cases/${caseId}/print/ecomap`}>{e.print}</Link>
          </p>
        </>
      )}
    </Section>
  );
}
