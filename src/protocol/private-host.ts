// Hosts on this machine or its local network. A CRM link to one of them can reach a router's admin
// page or a developer's local service with the agent's cookies, so such links never open by
// themselves and open on a click only when an admin allow-listed them (issue 16, finding 5). Pure.

/** Names that resolve only locally (RFC 6761 localhost, RFC 6762 .local, RFC 8375 home.arpa, ICANN .internal). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan'];

function ipv4Parts(hostname: string): number[] | null {
  const parts = hostname.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : null;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return false;
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 || // loopback
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT, shared address space
  );
}

/** The groups of an IPv6 address as the URL parser writes it (compressed, lower case, no brackets). */
function ipv6Groups(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const groups = halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : null;
}

function isPrivateIpv6(groups: number[]): boolean {
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const allZeroBefore = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (allZeroBefore(7) && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  // IPv4-mapped ::ffff:a.b.c.d: the IPv4 rules decide.
  if (allZeroBefore(5) && g5 === 0xffff) return isPrivateIpv4([g6 >> 8, g6 & 0xff]);
  return (g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0 || (g0 & 0xfe00) === 0xfc00; // link-local, site-local, unique local
}

/** True for loopback, link-local and private-network hosts, and for names that only resolve locally. */
export function isPrivateNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups === null || isPrivateIpv6(groups);
  }
  const v4 = ipv4Parts(host);
  if (v4) return isPrivateIpv4(v4);
  if (host === 'localhost' || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  // A name without a dot ("http://crm/") is an intranet name by definition.
  return !host.includes('.');
}
