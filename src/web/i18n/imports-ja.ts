import type { BulkImportKind, bulkImportColumns } from '../../domain/imports/bulk-import-columns';

/**
 * 一括取り込みの画面の文言（ja.ts を参照）。列の見出しと選べる値は domain
 * （src/domain/imports/bulk-import-columns.ts と cases/vocabulary.ts）から表示し、ここには書かない。
 */
type ColumnHelp = {
  [K in BulkImportKind]: Record<(typeof bulkImportColumns)[K][number]['key'], string>;
};

const dates =
  '西暦（2024-04-01）、和暦（令和6年4月1日、R6.4.1）、Excelの日付のいずれでも入力できます。';

export const importsJa = {
  title: '一括取り込み',
  lead: 'これまでExcelなどで管理してきた相談者・相談・支援経過記録の一覧を、CSVファイルまたはExcelファイル（.xlsx）からまとめて登録します。',
  orderTitle: '取り込む順番',
  order:
    '必ず「1. 相談者」→「2. 相談」→「3. 支援経過記録」の順に取り込んでください。相談の行は「相談者番号」で、支援経過記録の行は「管理番号」で、先に取り込んだ相談者・相談を探すためです。',
  kind: '取り込むもの',
  kinds: { persons: '1. 相談者', cases: '2. 相談', contacts: '3. 支援経過記録' },
  kindNames: { persons: '相談者', cases: '相談', contacts: '支援経過記録' },
  columnsTitle: '{kind}のファイルの列',
  columnsLead:
    '1行目に見出し、2行目から1行に1件ずつ入れてください。見出しは日本語・英語のどちらでも構いません。列の順番は問いません。必須でない列は省略できます。CSVの文字コードは UTF-8・Shift_JIS（Excelの「CSV（コンマ区切り）」）のどちらでも読み取れます。',
  heading: '見出し',
  otherHeading: '英語の見出し',
  required: '必須',
  optional: '任意',
  content: '入れる内容',
  choices: '入れられる値：{choices}',
  template: '見出しだけのCSVをダウンロード',
  templateName: '一括取り込み_{kind}.csv',
  rulesTitle: '取り込みの決まり',
  rules: [
    '同じ番号（相談者・相談は管理番号、支援経過記録は記録番号）の行を取り込み直しても、二重には登録されません。「変更なし」と表示されます。',
    '取り込み済みの番号で内容が前回と異なる行は取り込めません。登録した後の変更は、それぞれの画面で行ってください。',
    '1行でも問題があると、ファイル全体を取り込みません。表示された行・列・内容を確認し、ファイルを直してから、もう一度確認してください。',
    '1回に取り込めるのは{rows}行、{mb}MBまでです。数万行のファイルは、処理に数十秒かかることがあります。画面を閉じずにお待ちください。',
  ],
  help: {
    persons: {
      ref: 'これまでの台帳で相談者ごとに付けていた番号。取り込み直したときの照合に使います。相談のファイルの「相談者番号」にも同じ番号を入れます。',
      name: '姓と名の間は空白で区切ってください。100文字まで。',
      kana: 'ひらがな・カタカナのどちらでも構いません。検索に使います。',
      sex: '空欄でも構いません。',
      birthDate: dates,
      address: '',
      phone: 'ハイフンはあってもなくても構いません。',
      district: '自治体情報に登録されている地区名と同じ表記で入れてください。',
    },
    cases: {
      ref: '相談ごとに付けていた番号。支援経過記録のファイルで、どの相談の記録かを示すのに使います。相談番号（年度-連番）は、つなぐが新たに付けます。',
      personRef: '相談者のファイルで付けた管理番号。空欄の行は、氏名と生年月日で相談者を探します。',
      name: '相談者番号が空欄の行で、相談者を探すのに使います。',
      birthDate: `相談者番号が空欄の行で、相談者を探すのに使います。${dates}`,
      receivedOn: dates,
      routeIn: '',
      topics: '複数あるときは「、」で区切ってください。最初に書いたものを主な相談内容とします。',
      worker: 'この機関の職員のログインID。空欄の行は、取り込みを行う職員が担当者になります。',
      status: '空欄の行は「受付」として扱います。',
      closedOn: `状態が「終結」の行は必ず入れてください。${dates}`,
    },
    contacts: {
      ref: '記録ごとに付けていた番号。取り込み直したときの照合に使います。',
      caseRef: '相談のファイルで付けた管理番号。',
      caseNumber:
        'つなぐの相談番号（例：2025-00012）。管理番号が空欄の行は、この番号で相談を探します。',
      occurredAt:
        '2024-04-01 10:30 のように、日付と時刻を空白で区切って入れてください。時刻は省略できます。',
      mode: '',
      summary: '10,000文字まで。',
    },
  } satisfies ColumnHelp,
  panel: {
    title: 'ファイルの確認と取り込み',
    lead: 'ファイルを選んで、まず「確認する（取り込まない）」を押してください。この時点では何も登録されません。問題がなければ「取り込む」を押すと登録されます。',
    file: '取り込むファイル（CSV または Excel）',
    check: '確認する（取り込まない）',
    checking: '確認しています…',
    apply: '取り込む',
    applying: '取り込んでいます…',
    summary: '新規 {created}件・変更なし {unchanged}件',
    checked: '確認しました。問題はありません。登録する場合は「取り込む」を押してください。',
    applied: '取り込みました。',
    problems:
      '{count}件の問題があるため、取り込めません。ファイルを直してから、もう一度確認してください。',
    row: '行',
    column: '列',
    message: '内容',
    action: '処理',
    name: '番号',
    actions: { create: '新規', update: '更新', unchanged: '変更なし' },
    nothingToDo: '新しく登録する行はありません。',
    working: '処理中…',
    elapsed: '（{seconds}秒経過）',
    tooLarge: 'ファイルが大きすぎます（{max}MBまで）。ファイルを分けてから選んでください。',
    unreadableFile: 'ファイルを読み込めませんでした。もう一度選び直してください。',
    rowsShown: '最初の{shown}行を表示しています（全{count}行）。',
    problemsCaption: '問題のある行',
  },
};
