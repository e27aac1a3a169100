// Issue 19 §3: the pieces of `npm run package -- --self-hosted` and `npm run policy` that run
// before any browser sees them: the signing key's clear errors, the update manifests, the CLI's
// flags. (That Chromium accepts the CRX and update.xml is tests/e2e/self-hosted-chromium.e2e.ts.)
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_FILE_ENV, KEY_PEM_ENV, loadSigningKey, SigningKeyError } from '../../../tools/build/signing-key';
import { packCrx3 } from '../../../tools/build/crx3';
import { chromeUpdateXml, firefoxUpdatesJson, urlInFolder } from '../../../tools/build/update-manifests';
import { parsePolicyArgs, PolicyArgsError } from '../../../tools/policy/policy-args';

const work = mkdtempSync(join(tmpdir(), 'callpop-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('the CRX signing key', () => {
  it('stops with instructions when none is given', () => {
    expect(() => loadSigningKey(undefined, {})).toThrow(SigningKeyError);
    expect(() => loadSigningKey(undefined, {})).toThrow(/openssl genpkey/);
    expect(() => loadSigningKey(undefined, {})).toThrow(new RegExp(`${KEY_FILE_ENV}|${KEY_PEM_ENV}`));
  });

  it('names a missing key file, and never echoes a key that does not parse', () => {
    expect(() => loadSigningKey(join(work, 'nope.pem'), {})).toThrow(/nope\.pem does not exist/);
    const notAKey = 'not-a-pem-but-a-secret-1234';
    let message = '';
    try {
      loadSigningKey(undefined, { [KEY_PEM_ENV]: notAKey });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/could not be read as a PEM private key/);
    expect(message).not.toContain(notAKey);
  });

  it('reads a key from a file or from the environment, and the same key gives the same extension id', () => {
    const file = join(work, 'callpop-crx.pem');
    writeFileSync(file, pem);
    const zip = Buffer.from('PK\x05\x06'.padEnd(22, '\0'), 'latin1');
    const fromFile = packCrx3(zip, loadSigningKey(file, {}));
    const fromEnv = packCrx3(zip, loadSigningKey(undefined, { [KEY_PEM_ENV]: pem }));
    expect(fromFile.id).toMatch(/^[a-p]{32}$/);
    expect(fromEnv.id).toBe(fromFile.id);
    // CRX3: magic, format version 3, then the header length.
    expect(fromFile.crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(fromFile.crx.readUInt32LE(4)).toBe(3);
    expect(fromFile.crx.subarray(-zip.length)).toEqual(zip);
  });
});

describe('update manifests', () => {
  it('update.xml names the id, the version and the CRX, escaped', () => {
    const xml = chromeUpdateXml({ id: 'a'.repeat(32), version: '1.2.3', crxUrl: "https://intranet.example/callpop/x.crx?a=1&b='2'" });
    expect(xml).toContain(`<app appid='${'a'.repeat(32)}'>`);
    expect(xml).toContain("codebase='https://intranet.example/callpop/x.crx?a=1&amp;b=&apos;2&apos;' version='1.2.3'");
  });

  it('updates.json lists the version and where the signed XPI is', () => {
    expect(JSON.parse(firefoxUpdatesJson({ geckoId: 'callpop@callpop.example', version: '1.2.3', xpiUrl: 'https://intranet.example/callpop/callpop-1.2.3.xpi', strictMinVersion: '140.0' }))).toEqual({
      addons: { 'callpop@callpop.example': { updates: [{ version: '1.2.3', update_link: 'https://intranet.example/callpop/callpop-1.2.3.xpi', applications: { gecko: { strict_min_version: '140.0' } } }] } },
    });
  });

  it('puts files inside the served folder with or without its trailing slash, and refuses other schemes', () => {
    expect(urlInFolder('https://intranet.example/callpop', 'update.xml')).toBe('https://intranet.example/callpop/update.xml');
    expect(urlInFolder('https://intranet.example/callpop/', 'update.xml')).toBe('https://intranet.example/callpop/update.xml');
    expect(() => urlInFolder('file:///srv/callpop/', 'update.xml')).toThrow(/http\(s\)/);
  });
});

describe('npm run policy flags', () => {
  const base = ['--id', 'a'.repeat(32), '--firefox-install-url', 'https://intranet.example/callpop.xpi'];

  it('needs the extension id and the Firefox package address', () => {
    expect(() => parsePolicyArgs([], {})).toThrow(PolicyArgsError);
    expect(() => parsePolicyArgs(['--id', 'a'.repeat(32)], {})).toThrow(/--firefox-install-url is required/);
  });

  it('takes settings from a JSON file, single flags win, and the key may come from CALLPOP_API_KEY', () => {
    const config = join(work, 'settings.json');
    writeFileSync(config, JSON.stringify({ domain: 'old.pbx.vega.ua', language: 'uk', notifications: { outgoing: true } }));
    const { input, outDir } = parsePolicyArgs([...base, '--config', config, '--domain', 'qwerty.pbx.vega.ua', '--history-limit', '900', '--crm-allow', 'https://a.example', '--crm-allow', 'https://b.example'], { CALLPOP_API_KEY: 'from-env' });
    expect(input.config).toEqual({ domain: 'qwerty.pbx.vega.ua', language: 'uk', notifications: { outgoing: true }, apiKey: 'from-env', historyLimit: 900, crmAllowList: ['https://a.example', 'https://b.example'] });
    expect(input.chromeUpdateUrl).toBe('https://clients2.google.com/service/update2/crx');
    expect(outDir).toBe('artifacts/policies');
  });
});
