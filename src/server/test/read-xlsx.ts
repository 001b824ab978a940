/** Tests read .xlsx files with the production reader (bulk import uses it too). */
export { readXlsx, type XlsxBook, type XlsxCell } from '../http/xlsx-read';
