// Command-line flags of `npm run simulator`, parsed into a plain config (pure, testable).
import { parseArgs } from 'node:util';

export const DEFAULT_CLI_PORT = 8765;
export const DEMO_API_KEY = 'demo-key';

export interface CliConfig {
  help: boolean;
  port: number;
  host: string;
  /** Null: the loopback address with the port, which the extension turns into a ws:// URL. */
  domain: string | null;
  apiKey: string;
  subscribers: string[];
  strict: boolean;
  scenario: string | null;
  generate: { calls: number; seed: number } | null;
  speed: number;
  loop: boolean;
  rewriteTimes: boolean;
  onConnect: boolean;
}

export const USAGE = `PBX simulator: a WebSocket server speaking the PBX event stream (docs/protocol.md).

Usage: npm run simulator -- [options]

  --port N             listen port (env CALLPOP_SIM_PORT; default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --host H             listen address (default 127.0.0.1)
  --domain D           required ?domain= value (default 127.0.0.1:PORT, what the extension uses locally)
  --api-key K          required ?apiKey= value (env CALLPOP_SIM_API_KEY; default ${DEMO_API_KEY})
  --subscriber S       accepted ?subscriber= (repeatable or comma list; default 101,agent@example.com)
  --strict             close a client that sends any frame (1008)
  --scenario FILE      play this JSON Lines scenario
  --generate N         play a generated call-centre hour of N calls ...
  --seed S             ... from this seed (default 1)
  --speed X            time compression: delays are divided by X (default 1)
  --loop               start the scenario over when it ends
  --no-rewrite-times   send frame times as recorded (default: shift them so calls happen now)
  --no-on-connect      play once to every client instead of to each client as it connects
  --help               this text

Ctrl-C or SIGTERM stops cleanly.`;

function number(name: string, text: string | undefined, fallback: number, check: (n: number) => boolean): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`--${name}: invalid value ${JSON.stringify(text)}`);
  return value;
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
      host: { type: 'string' },
      domain: { type: 'string' },
      'api-key': { type: 'string' },
      subscriber: { type: 'string', multiple: true },
      strict: { type: 'boolean' },
      scenario: { type: 'string' },
      generate: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      loop: { type: 'boolean' },
      'rewrite-times': { type: 'boolean' },
      'no-rewrite-times': { type: 'boolean' },
      'on-connect': { type: 'boolean' },
      'no-on-connect': { type: 'boolean' },
    },
  });
  if (values.scenario !== undefined && values.generate !== undefined) {
    throw new Error('use either --scenario or --generate, not both');
  }
  const subscribers = (values.subscriber ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const isPort = (n: number) => Number.isInteger(n) && n >= 0 && n <= 65535;
  return {
    help: values.help ?? false,
    port: number('port', values.port ?? env.CALLPOP_SIM_PORT, DEFAULT_CLI_PORT, isPort),
    host: values.host ?? '127.0.0.1',
    domain: values.domain ?? null,
    apiKey: values['api-key'] ?? env.CALLPOP_SIM_API_KEY ?? DEMO_API_KEY,
    subscribers: subscribers.length > 0 ? subscribers : ['101', 'agent@example.com'],
    strict: values.strict ?? false,
    scenario: values.scenario ?? null,
    generate: values.generate === undefined ? null : {
      calls: number('generate', values.generate, 60, (n) => Number.isInteger(n) && n >= 0),
      seed: number('seed', values.seed, 1, Number.isInteger),
    },
    speed: number('speed', values.speed, 1, (n) => n > 0),
    loop: values.loop ?? false,
    rewriteTimes: !values['no-rewrite-times'],
    onConnect: !values['no-on-connect'],
  };
}
