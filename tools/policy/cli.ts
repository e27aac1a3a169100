// `npm run policy -- --id <extension id> --domain <pbx> [--api-key … | --config settings.json] …`
// Writes every policy file an admin needs (Chrome/Edge on Linux, Windows, macOS; Firefox) into
// a folder and prints where. docs/deployment.md walks through it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { policyFiles, PolicyInputError } from '../../src/settings/policy-files/policy-bundle';
import { parsePolicyArgs, PolicyArgsError } from './policy-args';

try {
  const { input, outDir } = parsePolicyArgs(process.argv.slice(2), process.env);
  const files = policyFiles(input, randomUUID);
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.name), file.bytes);
  console.log(`Policy files written to ${dir}:`);
  for (const file of files) console.log(`  ${file.name.padEnd(34)} → ${file.target}`);
  if (input.config.apiKey !== undefined) console.log('These files hold the API key: hand them over like a password.');
} catch (error) {
  if (!(error instanceof PolicyInputError || error instanceof PolicyArgsError)) throw error;
  console.error(error.message);
  process.exit(2);
}
