// A reader for regedit's "Version 5.00" .reg grammar, for the tests: header line, blank lines,
// "; comments", [key] and [-key] sections, and "name"="string" / "name"=dword:XXXXXXXX values.
export type RegValue = { type: 'sz'; value: string } | { type: 'dword'; value: number };
export interface RegFile {
  deleted: string[];
  keys: Map<string, Map<string, RegValue>>;
}

export function decodeUtf16le(bytes: Uint8Array): string {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('no UTF-16LE byte order mark');
  return new TextDecoder('utf-16le').decode(bytes.subarray(2));
}

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const VALUE_LINE = new RegExp(`^${STRING}=(?:${STRING}|dword:([0-9a-f]{8}))$`);
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

export function parseReg(text: string): RegFile {
  if (!/\r\n/.test(text) || /[^\r]\n/.test(text)) throw new Error('.reg lines must end in CRLF');
  const lines = text.split('\r\n');
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error(`bad header: ${lines[0]}`);
  const file: RegFile = { deleted: [], keys: new Map() };
  let current: Map<string, RegValue> | null = null;
  for (const [i, line] of lines.slice(1).entries()) {
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(-?)([^\]]+)\]$/.exec(line);
    if (section) {
      if (section[1] === '-') {
        file.deleted.push(section[2]!);
        current = null;
      } else {
        current = file.keys.get(section[2]!) ?? new Map();
        file.keys.set(section[2]!, current);
      }
      continue;
    }
    const value = VALUE_LINE.exec(line);
    if (!value || !current) throw new Error(`line ${i + 2} is not .reg grammar: ${line}`);
    current.set(unescape(value[1]!), value[2] !== undefined ? { type: 'sz', value: unescape(value[2]) } : { type: 'dword', value: parseInt(value[3]!, 16) });
  }
  return file;
}
