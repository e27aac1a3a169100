// `npm run simulator -- …`: the simulator as a long-running process for the demo and manual tests.
import { parseCliArgs, DEMO_API_KEY, USAGE, type CliConfig } from './cli-args';
import { CONTROL_ENDPOINTS } from './control-routes';
import { generateHour } from './generate-hour';
import { readScenarioFile, startSimulator, type ScenarioLine, type Simulator } from './simulator';

function loadScenario(config: CliConfig): ScenarioLine[] | null {
  if (config.scenario !== null) return readScenarioFile(config.scenario);
  if (config.generate === null) return null;
  const agentExt = config.subscribers.find((s) => !s.includes('@')) ?? '101';
  return generateHour({ ...config.generate, subscriber: agentExt });
}

function printBanner(sim: Simulator, config: CliConfig, domain: string, lines: ScenarioLine[] | null): void {
  const keyShown = config.apiKey === DEMO_API_KEY ? config.apiKey : '(the key you gave; not printed)';
  const url = sim.connectionUrl().replace(/apiKey=[^&]*/, config.apiKey === DEMO_API_KEY ? `apiKey=${DEMO_API_KEY}` : 'apiKey=REDACTED');
  const base = `http://${new URL(sim.wsBaseUrl).host}`;
  console.log([
    `PBX simulator listening on port ${sim.port}`,
    `  URL:         ${url}`,
    '  In the extension options:',
    `    domain     ${domain}`,
    `    API key    ${keyShown}`,
    `    subscriber ${config.subscribers.join(' or ')}`,
    lines === null ? '  No scenario: send frames through the control endpoints.'
      : `  Scenario:    ${lines.length} frames, speed ×${config.speed}${config.loop ? ', looping' : ''}, ${config.onConnect ? 'played to each client as it connects' : 'played to every client'}`,
    `  Control (on ${base}):`,
    ...CONTROL_ENDPOINTS.map((endpoint) => `    ${endpoint}`),
  ].join('\n'));
}

async function playRepeatedly(play: (signal: AbortSignal) => Promise<void>, again: () => boolean, signal: AbortSignal): Promise<void> {
  do {
    await play(signal);
  } while (again() && !signal.aborted);
}

async function main(): Promise<void> {
  const config = parseCliArgs(process.argv.slice(2), process.env);
  if (config.help) {
    console.log(USAGE);
    return;
  }
  const lines = loadScenario(config);
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  // The extension derives ws://host:port from the domain, so by default it is our own address.
  const port = config.port;
  if (config.domain === null && port === 0) throw new Error('--port 0 needs an explicit --domain (the default domain includes the port)');
  const sim = await startSimulator({
    port, host: config.host, apiKey: config.apiKey, subscribers: config.subscribers, strict: config.strict, log,
    domain: config.domain ?? `${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
  });
  const domain = config.domain ?? new URL(sim.wsBaseUrl).host;
  printBanner(sim, config, domain, lines);

  const stopping = new AbortController();
  const playOptions = { speed: config.speed, rewriteTimes: config.rewriteTimes };
  if (lines !== null && config.onConnect) {
    sim.onClient((client) => {
      // A looping play ends with its client: play() returns at once for a closed client.
      void playRepeatedly((signal) => sim.play(lines, { ...playOptions, client, signal }), () => config.loop && client.isOpen, stopping.signal)
        .catch((error: unknown) => log(`play failed: ${String(error)}`));
    });
  } else if (lines !== null) {
    void sim.waitForClients(1, 2 ** 31 - 1)
      .then(() => playRepeatedly((signal) => sim.play(lines, { ...playOptions, signal }), () => config.loop, stopping.signal))
      .catch((error: unknown) => log(`play: ${String(error)}`));
  }

  const shutdown = (signalName: string) => {
    log(`${signalName}: stopping`);
    stopping.abort();
    void sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error('Run with --help for usage.');
  process.exit(1);
});
