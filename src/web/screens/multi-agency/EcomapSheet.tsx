import { QueryState } from '../../components/Loading';
import { PrintFrame } from '../../components/PrintParts';
import { fill, useI18n } from '../../i18n/i18n';
import type { CaseView } from '../cases/case-data';
import { EcomapLegend, EcomapSvg, EcomapTable } from './EcomapDiagram';
import { useEcomap } from './multi-agency-data';

/** The ecomap on an A4 sheet (印刷): the diagram, its legend and the table of ties. */
export function EcomapSheet({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const e = t.multiAgency.ecomap;
  const query = useEcomap(view.case.id);
  const map = query.data;
  if (!map) return <QueryState error={query.error} />;
  return (
    <PrintFrame
      title={e.printTitle}
      back={{ to: `/cases/${view.case.id}/multi_agency`, label: t.cases.print.back }}
      notice={view.person.sensitiveCategories.length > 0 ? t.cases.print.sensitive : undefined}
      meta={<>{fill(t.cases.case.caseNumber, { number: view.case.caseNumber })}　</>}
    >
      <p className="mb-2">
        {t.cases.person.name}：{view.person.name}
        {view.person.nameKana ? `（${view.person.nameKana}）` : ''}
      </p>
      <div className="break-inside-avoid border border-black" data-testid="print-ecomap">
        <EcomapSvg map={map} personName={view.person.name} />
      </div>
      <div className="my-2 text-[9pt]">
        <EcomapLegend />
      </div>
      <div className="text-[9pt]">
        <EcomapTable map={map} personName={view.person.name} />
      </div>
    </PrintFrame>
  );
}
