// Where the PBX's REST API lives for the configured domain, and the host permission it needs.
import { isLoopbackHost, normalizeDomain } from '../settings/connection-url';

export interface RestOrigin {
  /** e.g. https://qwerty.pbx.vega.ua (http only for a loopback simulator, like ws://). */
  baseUrl: string;
  /** The match pattern asked for at run time: scheme and host only (Firefox patterns carry no port). */
  permissionPattern: string;
}

export function restOriginFor(domainSetting: string): RestOrigin | null {
  const domain = normalizeDomain(domainSetting);
  if (!domain.ok) return null;
  const { hostname } = new URL(`https://${domain.domain}`);
  const scheme = isLoopbackHost(hostname) ? 'http' : 'https';
  return { baseUrl: `${scheme}://${domain.domain}`, permissionPattern: `${scheme}://${hostname}/*` };
}
