// The policy CLI's flags, turned into a PolicyInput. Managed settings come from a JSON file
// (--config), then from single flags, which win. The API key may also come from CALLPOP_API_KEY,
// so it stays out of the shell history.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHROME_STORE_UPDATE_URL, type PolicyInput } from '../../src/settings/policy-files/policy-input';

export class PolicyArgsError extends Error {}

export const POLICY_USAGE = `Usage: npm run policy -- --id <chrome extension id> --firefox-install-url <signed XPI URL> [settings] [--out DIR]
  --update-url URL            Chrome/Edge update manifest (default: the Chrome Web Store)
  --config FILE               managed settings as JSON (public/managed-schema.json)
  --domain, --api-key, --subscriber, --subscriber-from profileEmail, --subscriber-template '{local}@company.ua',
  --url-template, --history-limit N, --language browser|uk|en, --crm-allow ORIGIN (repeatable)
  CALLPOP_API_KEY             the API key, instead of --api-key`;

const STRING_SETTINGS = {
  domain: 'domain',
  'api-key': 'apiKey',
  subscriber: 'subscriber',
  'subscriber-from': 'subscriberFrom',
  'subscriber-template': 'subscriberTemplate',
  'url-template': 'urlTemplate',
  language: 'language',
} as const;

export function parsePolicyArgs(argv: string[], env: NodeJS.ProcessEnv): { input: PolicyInput; outDir: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        id: { type: 'string' },
        'update-url': { type: 'string' },
        'firefox-install-url': { type: 'string' },
        config: { type: 'string' },
        out: { type: 'string' },
        'history-limit': { type: 'string' },
        'crm-allow': { type: 'string', multiple: true },
        ...Object.fromEntries(Object.keys(STRING_SETTINGS).map((flag) => [flag, { type: 'string' as const }])),
      },
    }));
  } catch (error) {
    throw new PolicyArgsError(`${(error as Error).message}\n\n${POLICY_USAGE}`);
  }
  if (!values.id) throw new PolicyArgsError(`--id is required.\n\n${POLICY_USAGE}`);
  if (!values['firefox-install-url']) throw new PolicyArgsError(`--firefox-install-url is required (where Firefox downloads the signed XPI).\n\n${POLICY_USAGE}`);
  const config: Record<string, unknown> = values.config ? readConfig(values.config) : {};
  for (const [flag, key] of Object.entries(STRING_SETTINGS)) {
    const value = (values as Record<string, unknown>)[flag];
    if (typeof value === 'string') config[key] = value;
  }
  if (config.apiKey === undefined && env.CALLPOP_API_KEY) config.apiKey = env.CALLPOP_API_KEY;
  if (values['history-limit'] !== undefined) config.historyLimit = Number(values['history-limit']);
  if (values['crm-allow']) config.crmAllowList = values['crm-allow'];
  return {
    input: { chromeId: values.id, chromeUpdateUrl: values['update-url'] ?? CHROME_STORE_UPDATE_URL, firefoxInstallUrl: values['firefox-install-url'], config },
    outDir: values.out ?? 'artifacts/policies',
  };
}

function readConfig(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PolicyArgsError(`--config ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new PolicyArgsError(`--config ${path}: not a JSON object`);
  return parsed as Record<string, unknown>;
}
