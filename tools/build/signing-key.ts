// Where the CRX signing key comes from: a file or an environment variable the admin owns, never
// this repository. The key fixes the extension id: lose it and every desk gets a new extension.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { parsePrivateKey } from './crx3';

export const KEY_FILE_ENV = 'CALLPOP_CRX_KEY_FILE';
export const KEY_PEM_ENV = 'CALLPOP_CRX_KEY';

export const MISSING_KEY_MESSAGE = [
  'A self-hosted CRX must be signed with your company\'s key, and none was given.',
  `Pass --key /path/to/callpop-crx.pem, or set ${KEY_FILE_ENV}=/path/to/callpop-crx.pem, or ${KEY_PEM_ENV} to the PEM text.`,
  'No key yet? Make one once, keep it in your secrets store (never in this repository):',
  '  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out callpop-crx.pem',
  'The same key must sign every later version: it fixes the extension id (docs/deployment.md).',
].join('\n');

export class SigningKeyError extends Error {}

/** True when git tracks `path`: a committed key is a leaked key, so packaging refuses it. */
function trackedByGit(path: string): boolean {
  return spawnSync('git', ['ls-files', '--error-unmatch', path], { stdio: 'ignore' }).status === 0;
}

export function loadSigningKey(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): KeyObject {
  const file = flag ?? env[KEY_FILE_ENV];
  let pem: string | undefined;
  if (file) {
    const path = resolve(file);
    if (!existsSync(path)) throw new SigningKeyError(`The CRX signing key file ${path} does not exist.\n\n${MISSING_KEY_MESSAGE}`);
    if (trackedByGit(path)) throw new SigningKeyError(`${path} is tracked by git: a signing key must never be committed. Move it out of the repository and rotate it if it was pushed.`);
    pem = readFileSync(path, 'utf8');
  } else pem = env[KEY_PEM_ENV];
  if (!pem || pem.trim() === '') throw new SigningKeyError(MISSING_KEY_MESSAGE);
  try {
    return parsePrivateKey(pem);
  } catch (error) {
    // The message of a parse error never includes the key material.
    throw new SigningKeyError(`The CRX signing key could not be read as a PEM private key (${(error as Error).message}).`);
  }
}
