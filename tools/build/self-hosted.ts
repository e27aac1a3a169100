// `npm run package -- --self-hosted URL`: packages a company serves itself from URL. Chrome gets
// a signed CRX3 and update.xml; Firefox gets the zip to sign through Mozilla's API (unlisted
// channel, see docs/deployment.md) and the updates.json that points at the signed XPI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { packCrx3 } from './crx3';
import { chromeUpdateXml, firefoxUpdatesJson, urlInFolder } from './update-manifests';

export interface SelfHostedInput {
  base: string;
  version: string;
  geckoId: string;
  firefoxMinVersion: string;
  chromeZip: string;
  key: KeyObject;
  outDir: string;
}

export interface SelfHostedOutput {
  id: string;
  files: string[];
}

export const crxName = (version: string): string => `callpop-${version}.crx`;
export const xpiName = (version: string): string => `callpop-${version}.xpi`;

export function writeSelfHosted(input: SelfHostedInput): SelfHostedOutput {
  mkdirSync(input.outDir, { recursive: true });
  const { crx, id } = packCrx3(readFileSync(input.chromeZip), input.key);
  const files = {
    [crxName(input.version)]: crx,
    'update.xml': chromeUpdateXml({ id, version: input.version, crxUrl: urlInFolder(input.base, crxName(input.version)) }),
    'updates.json': firefoxUpdatesJson({
      geckoId: input.geckoId,
      version: input.version,
      xpiUrl: urlInFolder(input.base, xpiName(input.version)),
      strictMinVersion: input.firefoxMinVersion,
    }),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(input.outDir, name), body);
  return { id, files: Object.keys(files) };
}
