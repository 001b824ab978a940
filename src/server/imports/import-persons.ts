import { type Sex, sexes, sexLabels } from '../../domain/cases/vocabulary';
import {
  type PersonImportKey,
  personImportColumns,
} from '../../domain/imports/bulk-import-columns';
import { phoneDigits, searchKey } from '../../domain/text/search';
import { ScopedReader } from '../access/scoped-reader';
import type { ActorContext, AppDeps } from '../http/context';
import { choiceFromCell, type ImportReport, importMessage } from '../http/csv-import';
import { insertRows } from './insert-rows';
import {
  authorizeImport,
  type BulkImportInput,
  dateFromCell,
  type KindSpec,
  message,
  runBulkImport,
} from './run-bulk-import';

interface PersonRecord {
  name: string;
  kana: string | null;
  sex: Sex | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  districtId: string | null;
}

/** A number as Excel keeps it once it has dropped the leading 0 (see `phoneFromCell`). */
const withoutLeadingZero = /^[1-9]\d{8,9}$/;

/**
 * A phone number as the list holds it, with the leading 0 that Excel drops when a number such as
 * 09012345678 is typed into a cell of numbers (it keeps 9012345678, and so does a CSV saved from
 * it). Every number dialled within Japan starts with 0 (landlines have 10 digits, mobiles
 * 11), so 9 or 10 bare digits without it can only be such a number.
 */
function phoneFromCell(cell: string | undefined): string | null {
  const text = (cell ?? '').trim();
  if (text === '') return null;
  return withoutLeadingZero.test(text) ? `0${text}` : text;
}

/** 相談者 from an agency's list: 氏名, ふりがな, 性別, 生年月日 (西暦 or 和暦), 住所, 電話, 地区. */
export async function importPersons(
  deps: AppDeps,
  ctx: ActorContext,
  input: BulkImportInput,
): Promise<ImportReport> {
  authorizeImport(ctx, 'person');
  const lang = ctx.lang;
  const districts = new Map<string, string>();
  const text = (v: string | undefined) => {
    const t = (v ?? '').trim();
    return t === '' ? null : t;
  };
  const spec: KindSpec<PersonImportKey, PersonRecord> = {
    link: 'person',
    personOf: (id) => id,
    // Before the leading 0 was given back, a number Excel had kept as 9012345678 was fingerprinted
    // so: such a link still matches its file.
    formerRecord: (_, r) =>
      r.phone?.startsWith('0') && withoutLeadingZero.test(r.phone.slice(1))
        ? { ...r, phone: r.phone.slice(1) }
        : null,
    columns: personImportColumns,
    check: (values, _row, problem) => {
      const name = text(values.name);
      if (!name) problem('name', message('required', lang));
      else if (name.length > 100) problem('name', message('tooLong', lang, { max: 100 }));
      const sex = choiceFromCell(values.sex ?? '', sexes, sexLabels, lang);
      if ('message' in sex) problem('sex', sex.message);
      let birthDate: string | null = null;
      if (text(values.birthDate)) {
        birthDate = dateFromCell(values.birthDate ?? '');
        if (!birthDate)
          problem('birthDate', message('badDate', lang, { value: values.birthDate ?? '' }));
      }
      let districtId: string | null = null;
      const district = text(values.district);
      if (district) {
        districtId = districts.get(district.normalize('NFKC')) ?? null;
        if (!districtId)
          problem('district', importMessage('unknownDistrict', lang, { value: district }));
      }
      if (!name || 'message' in sex) return null;
      return {
        name,
        kana: text(values.kana),
        sex: sex.code,
        birthDate,
        address: text(values.address),
        phone: phoneFromCell(values.phone),
        districtId,
      };
    },
    insert: async (trx, rows) => {
      await insertRows(
        trx,
        'person',
        {
          id: 'uuid',
          municipality_id: 'uuid',
          name: 'text',
          name_kana: 'text',
          sex: 'text',
          birth_date: 'date',
          address_street: 'text',
          phone_home: 'text',
          district_id: 'uuid',
          search_text: 'text',
          search_grams: 'text[]',
          phone_numbers: 'text[]',
        },
        rows.map(({ id, record: r }) => {
          const key = searchKey(r.name, r.kana);
          const digits = phoneDigits(r.phone);
          return {
            id,
            municipality_id: ctx.actor.municipalityId,
            name: r.name,
            name_kana: r.kana,
            sex: r.sex,
            birth_date: r.birthDate,
            address_street: r.address,
            phone_home: r.phone,
            district_id: r.districtId,
            search_text: key.text,
            search_grams: key.grams,
            phone_numbers: digits ? [digits] : [],
          };
        }),
      );
    },
  };
  return runBulkImport(deps, ctx, input, spec, async (db) => {
    districts.clear();
    for (const d of await new ScopedReader(db, ctx.actor)
      .districts()
      .select(['id', 'name'])
      .execute()) {
      districts.set(d.name.normalize('NFKC'), d.id);
    }
  });
}
