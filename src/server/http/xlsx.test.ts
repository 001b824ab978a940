import { constants, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { excelWorkbook, excelWorkbookFiles, handMadeZip } from '../test/excel-workbook';
import { readXlsx } from '../test/read-xlsx';
import { buildXlsx, excelDate, XlsxStreamWriter, xmlText } from './xlsx';
import { dateKindOf } from './xlsx-read';

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

  it('reads back: sheets by Japanese name, numbers as numbers, dates as dates, text as text', () => {
    const book = readXlsx(bytes);
    expect(Object.keys(book)).toEqual(['指標（月別）', '内訳・ 年齢・性別・']);
    expect(book['指標（月別）']).toEqual([
      ['支援状況の集計'],
      ['自治体', 'つなぐ市'],
      ['月', '新規相談', '就労・増収率', '人口10万人あたり', '受付日'],
      ['2026-04', 12, 0.43, 2.4, '2026-04-01'],
      ['2026-05', 0, null, null, '2026-05-02'],
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

describe('readXlsx: files as Japanese Excel saves them', () => {
  it('reads text without the furigana Excel keeps beside it, and joins rich-text runs', () => {
    const sharedStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>氏名</t><rPh sb="0" eb="2"><t>シメイ</t></rPh><phoneticPr fontId="1"/></si><si><t>佐藤 花子</t><rPh sb="0" eb="2"><t>サトウ</t></rPh><rPh sb="3" eb="5"><t>ハナコ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>架空</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> &amp;次郎</t></r><rPh sb="0" eb="2"><t>カクウ</t></rPh><rPh sb="3" eb="5"><t>ジロウ</t></rPh><phoneticPr fontId="1" type="Hiragana"/></si></sst>`;
    const files = excelWorkbookFiles([['氏名', '氏名', '氏名']], { sharedStrings });
    files['xl/worksheets/sheet1.xml'] = (files['xl/worksheets/sheet1.xml'] ?? '').replace(
      /<sheetData>.*<\/sheetData>/,
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="inlineStr"><is><t>相談</t><rPh sb="0" eb="2"><t>ソウダン</t></rPh><phoneticPr fontId="1"/></is></c></row></sheetData>',
    );
    const bytes = zipSync(
      Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])),
    );
    expect(readXlsx(bytes).Sheet1).toEqual([['氏名'], ['佐藤 花子', '架空 &次郎', '相談']]);
  });

  it('gives numbers with a date format as ISO dates (and times), other numbers as numbers', () => {
    const row = [
      { number: 45296, style: 'date' },
      { number: 45296.395833333336, style: 'dateTime' },
      { number: 45296, style: 'dateTime' },
      { number: 45296, style: 'wareki' },
      { number: 0.3958333333333333, style: 'time' },
      { number: 1.5, style: 'hours' },
      { number: 1985, style: 'general' },
      1985,
      { number: 9012345678, style: 'text' },
    ] as const;
    expect(readXlsx(excelWorkbook([row])).Sheet1).toEqual([
      [
        '2024-01-05',
        '2024-01-05 09:30',
        '2024-01-05',
        '2024-01-05',
        '09:30',
        1.5,
        1985,
        1985,
        9012345678,
      ],
    ]);
    // A workbook from a Mac counts its days from 1904.
    const mac = excelWorkbook([[{ number: 45296 - 1462, style: 'date' }]], { date1904: true });
    expect(readXlsx(mac).Sheet1).toEqual([['2024-01-05']]);
  });
});

describe('readXlsx: a file that would inflate beyond reason (a zip bomb)', () => {
  const limit = 64 * 1024 * 1024;
  // 80 MiB of zeros deflate to about 80 KB.
  const bombSize = 80 * 1024 * 1024;
  let bomb: Uint8Array | undefined;
  const zeros = () => {
    bomb ??= deflateRawSync(Buffer.alloc(bombSize), { strategy: constants.Z_RLE });
    return bomb;
  };
  const workbookWithSheet = (sheets: { data: Uint8Array; size: number }[]) => {
    const files = excelWorkbookFiles([['x']]);
    const entries = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'].map(
      (name) => ({ name, data: strToU8(files[name] ?? '') }),
    );
    files['xl/workbook.xml'] = (files['xl/workbook.xml'] ?? '').replace(
      /<sheets>.*<\/sheets>/,
      `<sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${10 + i}"/>`).join('')}</sheets>`,
    );
    files['xl/_rels/workbook.xml.rels'] = (files['xl/_rels/workbook.xml.rels'] ?? '').replace(
      '</Relationships>',
      `${sheets.map((_, i) => `<Relationship Id="rId${10 + i}" Type="worksheet" Target="worksheets/s${i + 1}.xml"/>`).join('')}</Relationships>`,
    );
    entries[0] = { name: 'xl/workbook.xml', data: strToU8(files['xl/workbook.xml'] ?? '') };
    entries[1] = {
      name: 'xl/_rels/workbook.xml.rels',
      data: strToU8(files['xl/_rels/workbook.xml.rels'] ?? ''),
    };
    return handMadeZip([
      ...entries,
      ...sheets.map((s, i) => ({
        name: `xl/worksheets/s${i + 1}.xml`,
        data: s.data,
        deflated: true,
        size: s.size,
      })),
    ]);
  };
  const refusal = (bytes: Uint8Array) => {
    let error: unknown;
    try {
      readXlsx(bytes);
    } catch (e) {
      error = e;
    }
    return { error };
  };

  it('refuses a sheet that says it is larger than the limit, without inflating it', () => {
    const { error } = refusal(workbookWithSheet([{ data: zeros(), size: bombSize }]));
    expect(String(error)).toMatch(/too large to read/);
  });

  it('refuses a sheet that inflates to more than it says, as soon as it does', () => {
    const { error } = refusal(workbookWithSheet([{ data: zeros(), size: 10_000 }]));
    expect(String(error)).toMatch(/too large to read/);
  });

  it('refuses sheets that together say they are larger than the limit', () => {
    const small = deflateRawSync(Buffer.from('<worksheet><sheetData/></worksheet>'));
    const half = limit / 2 + 1;
    const { error } = refusal(
      workbookWithSheet([
        { data: small, size: half },
        { data: small, size: half },
      ]),
    );
    expect(String(error)).toMatch(/too large to read/);
  });
});

describe('dateKindOf: which number formats show a date', () => {
  it('knows dates, times and 和暦 by their format code, and leaves numbers and lengths of time', () => {
    const kinds = Object.fromEntries(
      [
        'yyyy/m/d',
        'yyyy"年"m"月"d"日"',
        '[$-ja-JP]ggge"年"m"月"d"日"',
        '[$-411]e',
        'm"月"d"日"',
        'h:mm',
        'yyyy/m/d h:mm',
        '[h]:mm',
        '[h]:mm:ss',
        'General',
        'G/標準',
        '0.00E+00',
        '0"日"',
        '#,##0"円"',
        '0.0"h"',
        '#,##0;[Red]-#,##0',
      ].map((code) => [code, dateKindOf(code)]),
    );
    expect(kinds).toEqual({
      'yyyy/m/d': 'date',
      'yyyy"年"m"月"d"日"': 'date',
      '[$-ja-JP]ggge"年"m"月"d"日"': 'date',
      '[$-411]e': 'date',
      'm"月"d"日"': 'date',
      'h:mm': 'time',
      'yyyy/m/d h:mm': 'dateTime',
      '[h]:mm': null,
      '[h]:mm:ss': null,
      General: null,
      'G/標準': null,
      '0.00E+00': null,
      '0"日"': null,
      '#,##0"円"': null,
      '0.0"h"': null,
      '#,##0;[Red]-#,##0': null,
    });
  });
});

describe('readXlsx: a small file full of unclosed tags', () => {
  // Read once through, not once for each unclosed tag to the end of the text: 200,000 of them
  // took minutes before (a few KB compressed), and now take no longer than the file is long.
  it('reads what is well formed and leaves the rest, in one pass', () => {
    const files = excelWorkbookFiles([['氏名'], ['架空 花子']]);
    const head = '<sst count="2" uniqueCount="2"><si><t>氏名</t></si>';
    files['xl/sharedStrings.xml'] =
      `${head}<si><t>架空 花子</t>${'<rPh sb="0" eb="1"><t>カ'.repeat(200_000)}</si></sst>`;
    files['xl/worksheets/sheet1.xml'] = (files['xl/worksheets/sheet1.xml'] ?? '').replace(
      '</sheetData>',
      `${'<row r="9"><c r="A9" t="inlineStr"><is><t>x'.repeat(200_000)}</sheetData>`,
    );
    const book = readXlsx(
      zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))),
    );
    expect(book.Sheet1?.[0]).toEqual(['氏名']);
    expect(String(book.Sheet1?.[1]?.[0])).toMatch(/^架空 花子/);
  }, 20_000);
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
