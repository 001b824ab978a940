import type { Messages } from './ja';

const dates =
  'Dates may be written 2024-04-01, in the Japanese era (令和6年4月1日, R6.4.1), or as Excel dates.';

/** The bulk import screen in English; the keys follow imports-ja.ts. */
export const importsEn: Messages['imports'] = {
  title: 'Bulk import',
  lead: 'Register the lists of people, cases and contact records kept until now in Excel or similar, from a CSV file or an Excel workbook (.xlsx).',
  orderTitle: 'Order of the imports',
  order:
    'Always import “1. People”, then “2. Cases”, then “3. Contact records”: a case row finds its person by its “Person reference”, and a contact record row finds its case by its “Reference”, among what was imported before.',
  kind: 'What to import',
  kinds: { persons: '1. People', cases: '2. Cases', contacts: '3. Contact records' },
  kindNames: { persons: 'people', cases: 'cases', contacts: 'contact records' },
  columnsTitle: 'Columns of the file of {kind}',
  columnsLead:
    'Put the headings on row 1 and one entry per row from row 2. Headings may be in Japanese or English, in any order. Columns that are not required may be left out. A CSV may be in UTF-8 or in Shift_JIS (Excel’s plain “CSV”).',
  heading: 'Heading',
  otherHeading: 'Japanese heading',
  required: 'Required',
  optional: 'Optional',
  content: 'What to enter',
  choices: 'Allowed values: {choices}',
  template: 'Download a CSV with the headings only',
  templateName: 'bulk-import-{kind}.csv',
  rulesTitle: 'How the import works',
  rules: [
    'Importing a row again with the same reference (the record reference for contact records) does not register it twice; it is shown as “No change”.',
    'A row whose reference was imported before with different content cannot be imported. Make changes on the screens after registering.',
    'If any row has a problem, nothing in the file is imported. Check the row, column and problem shown, correct the file and check it again.',
    'One file may hold up to {rows} rows and {mb} MB. A file of tens of thousands of rows may take some tens of seconds; please keep the screen open.',
  ],
  help: {
    persons: {
      ref: 'The number each person had in your own list. It matches rows when a file is imported again; use the same number as “Person reference” in the file of cases.',
      name: 'Separate family and given name with a space. Up to 100 characters.',
      kana: 'Hiragana or katakana; used for searching.',
      sex: 'May be left empty.',
      birthDate: dates,
      address: '',
      phone: 'With or without hyphens.',
      district: 'A district name exactly as registered for the municipality.',
    },
    cases: {
      ref: 'The number each case had in your own list; the file of contact records uses it to name the case. Tsunagu gives each case its own case number (fiscal year and serial).',
      personRef:
        'The reference given in the file of people. Where it is empty, the person is found by name and date of birth.',
      name: 'Finds the person where the person reference is empty.',
      birthDate: `Finds the person where the person reference is empty. ${dates}`,
      receivedOn: dates,
      routeIn: '',
      topics: 'Separate several with 「、」 or commas; the first one is the main topic.',
      worker:
        'The login ID of a worker of this agency. Where it is empty, the worker importing the file leads the case.',
      status: 'Empty means “Received”.',
      closedOn: `Required where the status is “Closed”. ${dates}`,
    },
    contacts: {
      ref: 'The number each record had in your own list. It matches rows when a file is imported again.',
      caseRef: 'The reference given in the file of cases.',
      caseNumber: 'The Tsunagu case number (e.g. 2025-00012). Used where “Reference” is empty.',
      occurredAt:
        'Date and time separated by a space, such as 2024-04-01 10:30; the time may be left out.',
      mode: '',
      summary: 'Up to 10,000 characters.',
    },
  },
  panel: {
    title: 'Check and import the file',
    lead: 'Choose the file and press “Check (import nothing)” first: nothing is registered yet. If no problem is found, “Import” registers the rows.',
    file: 'File to import (CSV or Excel)',
    check: 'Check (import nothing)',
    checking: 'Checking…',
    apply: 'Import',
    applying: 'Importing…',
    summary: '{created} new, {unchanged} unchanged',
    checked: 'Checked: no problems. Press “Import” to register the rows.',
    applied: 'Imported.',
    problems:
      'Nothing can be imported while there are {count} problems. Correct the file and check it again.',
    row: 'Row',
    column: 'Column',
    message: 'Problem',
    action: 'Action',
    name: 'Reference',
    actions: { create: 'New', update: 'Update', unchanged: 'No change' },
    nothingToDo: 'There are no new rows to register.',
    working: 'Working…',
    elapsed: '({seconds} s)',
    tooLarge: 'The file is too large (at most {max} MB). Please split it and choose again.',
    unreadableFile: 'The file could not be read. Please choose it again.',
    rowsShown: 'The first {shown} of {count} rows are shown.',
    problemsCaption: 'Rows with problems',
  },
};
