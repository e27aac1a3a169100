// Issue 19 §2: the policy files are generated, and each one, read back with an independent
// parser (the .reg grammar; a plist parser), says exactly what the admin asked for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as plist from 'plist';
import { policyFiles, PolicyInputError, type PolicyFile } from '../../../src/settings/policy-files/policy-bundle';
import { MANAGED_SCHEMA, schemaErrors, type SchemaNode } from '../../../src/settings/policy-files/schema-check';
import type { PolicyInput } from '../../../src/settings/policy-files/policy-input';
import { decodeUtf16le, parseReg, type RegFile } from './reg-file';

const ID = 'ljhgflfifeepjelglocijbabgoldhbol';
const input: PolicyInput = {
  chromeId: ID,
  chromeUpdateUrl: 'https://intranet.example/callpop/update.xml',
  firefoxInstallUrl: 'https://intranet.example/callpop/callpop-0.1.0.xpi',
  config: {
    domain: 'qwerty.pbx.vega.ua',
    apiKey: 'k"ey\\with;odd=chars',
    subscriberFrom: 'profileEmail',
    subscriberTemplate: '{local}@company.ua',
    notifications: { outgoing: false, autoOpen: 'ring', ringSound: true },
    crmAllowList: ['https://crm.example.com', 'https://crm2.example.com'],
    historyLimit: 1500,
    language: 'uk',
  },
};
let n = 0;
const files = policyFiles(input, () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
const file = (name: string): PolicyFile => files.find((f) => f.name === name) ?? expect.unreachable(`no ${name}`);
const text = (name: string) => new TextDecoder().decode(file(name).bytes);

/** The registry tree under `key`, turned back into JSON the way Chrome does: by the schema's types. */
function regToJson(reg: RegFile, key: string, schema: SchemaNode): unknown {
  const values = reg.keys.get(key) ?? new Map();
  const children = [...reg.keys.keys()].filter((k) => k.startsWith(`${key}\\`) && !k.slice(key.length + 1).includes('\\'));
  if (schema.type === 'array') return [...values.values()].map((v) => v.value);
  const out: Record<string, unknown> = {};
  for (const [name, v] of values) {
    const type = schema.properties?.[name]?.type;
    out[name] = type === 'boolean' ? v.value === 1 : v.value;
  }
  for (const child of children) {
    const name = child.slice(key.length + 1);
    out[name] = regToJson(reg, child, schema.properties?.[name] ?? {});
  }
  return out;
}

describe('npm run policy / Export for IT: the files', () => {
  it('writes Linux JSON, Windows HKLM and HKCU, macOS for Chrome and Edge, and Firefox policies.json', () => {
    expect(files.map((f) => f.name).sort()).toEqual([
      'chrome-linux-callpop.json', 'chrome-macos.mobileconfig', 'chrome-windows-machine.reg', 'chrome-windows-user.reg',
      'edge-linux-callpop.json', 'edge-macos.mobileconfig', 'edge-windows-machine.reg', 'edge-windows-user.reg', 'firefox-policies.json',
    ]);
  });

  it('Linux JSON: the install entry and the 3rdparty configuration', () => {
    expect(JSON.parse(text('chrome-linux-callpop.json'))).toEqual({
      ExtensionInstallForcelist: [`${ID};${input.chromeUpdateUrl}`],
      '3rdparty': { extensions: { [ID]: input.config } },
    });
  });

  it('Firefox policies.json: force-installs the signed XPI and configures it', () => {
    expect(JSON.parse(text('firefox-policies.json'))).toEqual({
      policies: {
        ExtensionSettings: { 'callpop@callpop.example': { installation_mode: 'force_installed', install_url: input.firefoxInstallUrl } },
        '3rdparty': { Extensions: { 'callpop@callpop.example': input.config } },
      },
    });
  });

  it.each([
    ['chrome-windows-machine.reg', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome'],
    ['chrome-windows-user.reg', 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Google\\Chrome'],
    ['edge-windows-machine.reg', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge'],
    ['edge-windows-user.reg', 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\Edge'],
  ])('%s parses back (UTF-16LE, .reg grammar) to the same install entry and settings', (name, root) => {
    const reg = parseReg(decodeUtf16le(file(name).bytes));
    expect(reg.keys.get(`${root}\\ExtensionInstallForcelist`)?.get('1')).toEqual({ type: 'sz', value: `${ID};${input.chromeUpdateUrl}` });
    const policyKey = `${root}\\3rdparty\\extensions\\${ID}\\policy`;
    expect(reg.deleted).toEqual([policyKey]); // the old policy goes first, so a dropped setting is gone
    expect(regToJson(reg, policyKey, MANAGED_SCHEMA)).toEqual(input.config);
  });

  it.each([
    ['chrome-macos.mobileconfig', 'com.google.Chrome'],
    ['edge-macos.mobileconfig', 'com.microsoft.Edge'],
  ])('%s parses back (plist) to the same install entry and settings', (name, domain) => {
    const profile = plist.parse(text(name)) as { PayloadType: string; PayloadContent: Array<Record<string, unknown>> };
    expect(profile.PayloadType).toBe('Configuration');
    const install = profile.PayloadContent.find((p) => p.PayloadType === domain);
    expect(install?.ExtensionInstallForcelist).toEqual([`${ID};${input.chromeUpdateUrl}`]);
    const settings = profile.PayloadContent.find((p) => p.PayloadType === `${domain}.extensions.${ID}`) ?? {};
    const own = Object.fromEntries(Object.entries(settings).filter(([k]) => !k.startsWith('Payload')));
    expect(own).toEqual(input.config);
    const uuids = [profile, ...profile.PayloadContent].map((p) => (p as { PayloadUUID: string }).PayloadUUID);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('property: any settings that fit the schema come back the same from the .reg and the .mobileconfig', () => {
    const str = fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s));
    const config = fc.record(
      {
        domain: str,
        apiKey: str,
        subscriber: str,
        notifications: fc.record({ incoming: fc.boolean(), missed: fc.boolean(), autoOpen: fc.constantFrom('off', 'ring', 'answer') }, { requiredKeys: [] }),
        crmAllowList: fc.array(str, { maxLength: 4 }),
        historyLimit: fc.integer({ min: 10, max: 5000 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (cfg) => {
        const out = policyFiles({ ...input, config: cfg }, () => 'u');
        const reg = parseReg(decodeUtf16le(out.find((f) => f.name === 'chrome-windows-user.reg')!.bytes));
        expect(regToJson(reg, `HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy`, MANAGED_SCHEMA)).toEqual(cfg);
        const profile = plist.parse(new TextDecoder().decode(out.find((f) => f.name === 'chrome-macos.mobileconfig')!.bytes)) as { PayloadContent: Array<Record<string, unknown>> };
        const settings = Object.fromEntries(Object.entries(profile.PayloadContent[1]!).filter(([k]) => !k.startsWith('Payload')));
        expect(settings).toEqual(cfg);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses settings the managed schema would reject, and a bad id or URL', () => {
    expect(() => policyFiles({ ...input, config: { historyLimit: 5 } }, () => 'u')).toThrow(PolicyInputError);
    expect(() => policyFiles({ ...input, config: { domian: 'typo' } }, () => 'u')).toThrow(/domian: not in the schema/);
    expect(() => policyFiles({ ...input, config: { language: 'de' } }, () => 'u')).toThrow(/not one of/);
    expect(() => policyFiles({ ...input, chromeId: 'not-an-id' }, () => 'u')).toThrow(/32 letters/);
    expect(() => policyFiles({ ...input, firefoxInstallUrl: 'javascript:alert(1)' }, () => 'u')).toThrow(/http\(s\)/);
  });

  it('the schema check accepts every documented key', () => {
    expect(schemaErrors(input.config)).toEqual([]);
  });
});
