import { parseArgs } from 'node:util';
import { z } from 'zod';
import { municipalityKinds } from '../domain/organisations';
import { openDatabase, prepareSchema } from './boot';
import { ConfigError, loadConfig } from './config';
import { isUniqueViolation } from './db/errors';
import { loginId, requiredKana, requiredText, wholeNumber } from './http/fields';
import { createTenant } from './organisations/create-tenant';
import { runCommand } from './run-command';

/**
 * `npm run tenant:create -- --name 架空市 --kana かくうし --prefecture 架空県 --kind city
 *   --population 120000 --admin-login kanri --admin-name "佐々木 隆"`
 * creates a municipality and its first administrator and prints a temporary password.
 */
const input = z.object({
  name: requiredText(100),
  kana: requiredKana(200),
  prefecture: requiredText(10),
  kind: z.enum(municipalityKinds),
  population: wholeNumber(0, 50_000_000),
  'admin-login': loginId,
  'admin-name': requiredText(100),
});

async function main() {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(input.shape).map((k) => [k, { type: 'string' }])),
  });
  const parsed = input.safeParse(values);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(
      `Check the arguments:\n${lines.join('\n')}\n  --kind is one of ${municipalityKinds.join(', ')}`,
    );
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await prepareSchema(database, config);
    const v = parsed.data;
    const result = await createTenant(database.db, config.passwordHash, {
      name: v.name,
      nameKana: v.kana,
      prefecture: v.prefecture,
      kind: v.kind,
      population: v.population,
      adminLoginId: v['admin-login'],
      adminName: v['admin-name'],
    });
    process.stdout.write(
      `created ${v.name} (${result.municipalityId})\nadministrator: ${v['admin-login']}\ntemporary password (to be changed at the first sign-in): ${result.temporaryPassword}\n`,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConfigError('That login ID is already in use.');
    throw error;
  } finally {
    await database.close();
  }
}

runCommand(main);
