import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  consultationTopicLabels,
  contactModeLabels,
  routeInLabels,
  sexLabels,
} from '../../../domain/cases/vocabulary';
import {
  type BulkImportColumn,
  type BulkImportKind,
  bulkImportColumns,
  bulkImportKinds,
  importStatusLabels,
  maxBulkImportFileBytes,
  maxBulkImportRows,
} from '../../../domain/imports/bulk-import-columns';
import { api } from '../../api/client';
import { saveBlob } from '../../api/download-with-progress';
import { Button } from '../../components/Button';
import { CsvImportPanel } from '../../components/CsvImportPanel';
import { Notice } from '../../components/Notice';
import { Page, Section } from '../../components/Page';
import { RadioGroup } from '../../components/RadioGroup';
import { fill, useI18n } from '../../i18n/i18n';

type Labels = Record<string, { ja: string; en: string }>;

/** The columns whose cell must be one of a list: the list, as the server reads it. */
const choicesOf: { [K in BulkImportKind]?: Record<string, Labels> } = {
  persons: { sex: sexLabels },
  cases: { routeIn: routeInLabels, topics: consultationTopicLabels, status: importStatusLabels },
  contacts: { mode: contactModeLabels },
};

const send = {
  persons: async (file: string, dryRun: boolean) =>
    (await api.imports.persons.$post({ json: { file, dryRun } })).json(),
  cases: async (file: string, dryRun: boolean) =>
    (await api.imports.cases.$post({ json: { file, dryRun } })).json(),
  contacts: async (file: string, dryRun: boolean) =>
    (await api.imports.contacts.$post({ json: { file, dryRun } })).json(),
} satisfies Record<BulkImportKind, unknown>;

const isKind = (value: string | null): value is BulkImportKind =>
  bulkImportKinds.includes(value as BulkImportKind);

/**
 * 一括取り込み: an agency's old lists of people, cases and contact records, from CSV or .xlsx.
 * The kind is kept in the URL; each kind shows its columns (from the domain, as the server reads
 * them) with what to put in them, and an empty template made here. The file is checked first and
 * imported only when no row has a problem (CsvImportPanel).
 */
export function BulkImportPage() {
  const { t, lang, label } = useI18n();
  const m = t.imports;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  // Kept here as well as in the URL, so the choice shows at once (the URL follows).
  const [kind, setKind] = useState<BulkImportKind>(isKind(kindParam) ? kindParam : 'persons');
  const columns: readonly BulkImportColumn[] = bulkImportColumns[kind];
  const help = m.help[kind] as Record<string, string>;
  const other = lang === 'ja' ? 'en' : 'ja';

  const downloadTemplate = () => {
    const header = columns.map((c) => c.header[lang]).join(',');
    // UTF-8 with a byte-order mark, so Excel on a Japanese PC opens it as it should.
    saveBlob(
      new Blob([`\uFEFF${header}\r\n`], { type: 'text/csv;charset=utf-8' }),
      fill(m.templateName, { kind: m.kindNames[kind] }),
    );
  };

  return (
    <Page title={m.title} lead={m.lead}>
      <Notice tone="info" title={m.orderTitle}>
        <p data-testid="import-order">{m.order}</p>
      </Notice>

      <RadioGroup
        id="import-kind"
        label={m.kind}
        required
        options={bulkImportKinds.map((k) => ({ value: k, label: m.kinds[k] }))}
        value={kind}
        onChange={(value) => {
          if (!isKind(value)) return;
          setKind(value);
          setParams({ kind: value }, { replace: true });
        }}
      />

      <Section title={fill(m.columnsTitle, { kind: m.kindNames[kind] })}>
        <p className="mb-4 max-w-3xl">{m.columnsLead}</p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="import-columns">
            <thead>
              <tr className="border-b-2 border-solid-gray-300">
                <th scope="col" className="whitespace-nowrap p-2">
                  {m.heading}
                </th>
                <th scope="col" className="whitespace-nowrap p-2">
                  {m.otherHeading}
                </th>
                <th scope="col" className="whitespace-nowrap p-2">
                  {m.required}
                </th>
                <th scope="col" className="p-2">
                  {m.content}
                </th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => {
                const choices = choicesOf[kind]?.[c.key];
                return (
                  <tr key={c.key} className="border-b border-solid-gray-200 align-top">
                    <th scope="row" className="whitespace-nowrap p-2 text-std-16B-170">
                      {c.header[lang]}
                    </th>
                    <td className="whitespace-nowrap p-2" lang={other}>
                      {c.header[other]}
                    </td>
                    <td className="whitespace-nowrap p-2">
                      {c.required ? m.required : m.optional}
                    </td>
                    <td className="p-2">
                      {help[c.key] && <p>{help[c.key]}</p>}
                      {choices && (
                        <p className="text-dns-16N-130 text-solid-gray-700">
                          {fill(m.choices, {
                            choices: Object.values(choices)
                              .map((entry) =>
                                lang === 'ja' ? `「${label(entry)}」` : label(entry),
                              )
                              .join(lang === 'ja' ? '' : ', '),
                          })}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="mt-4">
          <Button variant="secondary" onClick={downloadTemplate}>
            {m.template}
          </Button>
        </div>
      </Section>

      <Section title={m.rulesTitle}>
        <ul className="ml-6 max-w-3xl list-disc space-y-2">
          {m.rules.map((rule) => (
            <li key={rule}>
              {fill(rule, {
                rows: maxBulkImportRows.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB'),
                mb: Math.floor(maxBulkImportFileBytes / 1_000_000),
              })}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={m.panel.title}>
        {/* A new kind starts afresh: a file chosen for another kind is not sent as this one. */}
        <CsvImportPanel
          key={kind}
          inputId="import-file"
          read="base64"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxBytes={maxBulkImportFileBytes}
          messages={m.panel}
          rowsShown={100}
          send={send[kind]}
          // New people, cases and records reach every list (caseload, search, statistics).
          onApplied={() => queryClient.invalidateQueries()}
        />
      </Section>
    </Page>
  );
}
