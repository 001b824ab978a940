import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvDocument, csvValue, parseCsv } from './csv';

const cellsOf = (text: string) => parseCsv(text).map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain rows with CRLF, LF or CR line ends, and numbers them from the header', () => {
    expect(parseCsv('名称,分野\r\nA,介護\r\nB,障害\r\n')).toEqual([
      { row: 1, cells: ['名称', '分野'] },
      { row: 2, cells: ['A', '介護'] },
      { row: 3, cells: ['B', '障害'] },
    ]);
    expect(cellsOf('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(cellsOf('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('drops the byte-order mark Excel writes, and reads the same without it', () => {
    expect(cellsOf('\uFEFF名称\r\n架空\r\n')).toEqual([['名称'], ['架空']]);
    expect(cellsOf('名称\r\n架空\r\n')).toEqual([['名称'], ['架空']]);
  });

  it('reads quoted cells holding commas, line breaks and doubled quotes', () => {
    const text = 'name,notes\r\n"架空, 支所","1行目\r\n2行目"\r\n"「""よりそい""」",""\r\n';
    expect(cellsOf(text)).toEqual([
      ['name', 'notes'],
      ['架空, 支所', '1行目\r\n2行目'],
      ['「"よりそい"」', ''],
    ]);
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(cellsOf('a,b"c"d,e\r\n')).toEqual([['a', 'b"c"d', 'e']]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(cellsOf('a,,c,\r\n')).toEqual([['a', '', 'c', '']]);
    expect(cellsOf('"",x')).toEqual([['', 'x']]);
  });

  it('numbers rows as a spreadsheet does: a quoted line break stays in its row, a blank row still counts', () => {
    const records = parseCsv('h\r\n"a\r\nb"\r\n\r\nc\r\n');
    expect(records).toEqual([
      { row: 1, cells: ['h'] },
      { row: 2, cells: ['a\r\nb'] },
      { row: 4, cells: ['c'] },
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the row', () => {
    expect(() => parseCsv('a\r\n"b\r\nc')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\r\nb\r\n"x"y,z\r\n')).toThrow(
      expect.objectContaining({ row: 3, problem: 'textAfterQuote' }),
    );
    expect(() => parseCsv('a\r\n"b')).toThrow(
      expect.objectContaining({ row: 2, problem: 'unclosedQuote' }),
    );
  });

  it('reads back exactly what csvDocument wrote, formula guards taken off', () => {
    const rows = [
      ['架空市, 中央', '=SUM(A1)', '改行\nあり', 'He said "hi"', null, '-5', '@home'],
      ['', '+81', "'plain", 3, '', 'x', 'y'],
    ];
    const text = csvDocument(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows);
    const back = parseCsv(text).map((r) => r.cells.map(csvValue));
    expect(back).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ['架空市, 中央', '=SUM(A1)', '改行\nあり', 'He said "hi"', '', '-5', '@home'],
      ['', '+81', "'plain", '3', '', 'x', 'y'],
    ]);
  });
});
