import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../test/read-xlsx';
import { buildXlsx, excelDate, XlsxStreamWriter, xmlText } from './xlsx';

describe('buildXlsx', () => {
  const bytes = buildXlsx([
    {
      name: '指標（月別）',
      preamble: [['支援状況の集計'], ['自治体', 'つなぐ市']],
      columns: [
        { header: '月' },
        { header: '新規相談', format: 'integer' },
        { header: '就労・増収率', format: 'percent' },
        { header: '人口10万人あたり', format: 'decimal' },
        { header: '受付日', format: 'date' },
      ],
      rows: [
        ['2026-04', 12, 0.43, 2.4, '2026-04-01'],
        ['2026-05', 0, null, undefined, new Date('2026-05-02T00:00:00Z')],
        { cells: ['合計', 12, 0.43, 1.2, null], bold: true },
      ],
    },
    {
      name: '内訳: 年齢/性別?',
      columns: [{ header: '区分' }, { header: '件数', format: 'integer' }],
      rows: [
        ['=HYPERLINK("http://example.com")', 1],
        ['+81 90', 2],
        ['-', 3],
        ['@SUM(A1)', 4],
        ['<b>&"\'</b>', 5],
        ['  前後に空白  ', 6],
        ['制御\u0007文字', 7],
        [true, false],
      ],
    },
  ]);

  it('reads back: sheets by Japanese name, numbers as numbers, text as text', () => {
    const book = readXlsx(bytes);
    expect(Object.keys(book)).toEqual(['指標（月別）', '内訳・ 年齢・性別・']);
    expect(book['指標（月別）']).toEqual([
      ['支援状況の集計'],
      ['自治体', 'つなぐ市'],
      ['月', '新規相談', '就労・増収率', '人口10万人あたり', '受付日'],
      ['2026-04', 12, 0.43, 2.4, excelDate('2026-04-01')],
      ['2026-05', 0, null, null, excelDate('2026-05-02')],
      ['合計', 12, 0.43, 1.2],
    ]);
    expect(excelDate('2026-04-01')).toBe(46113);
  });

  it('keeps would-be formulas as text, escapes XML and drops characters XML cannot carry', () => {
    const rows = readXlsx(bytes)['内訳・ 年齢・性別・'] ?? [];
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '=HYPERLINK("http://example.com")',
      '+81 90',
      '-',
      '@SUM(A1)',
      '<b>&"\'</b>',
      '  前後に空白  ',
      '制御文字',
      1,
    ]);
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet2.xml'] as Uint8Array);
    expect(sheet).not.toContain('<f>');
    // The text style with quotePrefix (index 10) on each would-be formula.
    expect(sheet.match(/<c s="10" t="inlineStr">/g)).toHaveLength(4);
    const styles = strFromU8(files['xl/styles.xml'] as Uint8Array);
    expect(styles).toContain('quotePrefix="1"');
  });

  it('formats: bold header, frozen pane below it, widths, percent and date formats', () => {
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain(
      '<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheet).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
    // Header row: bold general style (1); 0.43 in the percent column: style 6 (percent, plain).
    expect(sheet).toContain('<row r="3"><c s="1" t="inlineStr"><is><t>月</t>');
    expect(sheet).toContain('<c s="6"><v>0.43</v></c>');
    // The total line is bold: integer bold = 3.
    expect(sheet).toContain(
      '<row r="6"><c s="1" t="inlineStr"><is><t>合計</t></is></c><c s="3"><v>12</v></c>',
    );
    const styles = strFromU8(files['xl/styles.xml'] as Uint8Array);
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('formatCode="yyyy/mm/dd"');
    const contentTypes = strFromU8(files['[Content_Types].xml'] as Uint8Array);
    expect(contentTypes).toContain('/xl/worksheets/sheet2.xml');
  });
});

describe('XlsxStreamWriter', () => {
  it('writes a long sheet in batches, compressed as it goes', () => {
    const chunks: Uint8Array[] = [];
    let finals = 0;
    const writer = new XlsxStreamWriter((chunk, final) => {
      chunks.push(chunk);
      if (final) finals++;
    });
    writer.startSheet({
      name: '個票',
      columns: [{ header: 'ID' }, { header: '年齢', format: 'integer' }],
    });
    const batches = 20;
    const perBatch = 5_000;
    for (let b = 0; b < batches; b++) {
      writer.addRows(
        Array.from({ length: perBatch }, (_, i) => [`P${b * perBatch + i}`, (b + i) % 90]),
      );
    }
    writer.finish();
    expect(finals).toBe(1);
    expect(chunks.length).toBeGreaterThan(batches);
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.length;
    }
    const rows = readXlsx(bytes).個票 ?? [];
    expect(rows).toHaveLength(batches * perBatch + 1);
    expect(rows[0]).toEqual(['ID', '年齢']);
    expect(rows[1]).toEqual(['P0', 0]);
    expect(rows.at(-1)).toEqual(['P99999', (19 + 4999) % 90]);
  });
});

describe('helpers', () => {
  it('escapes XML', () => {
    expect(xmlText('a<b>&"c"\u0000')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });
});
