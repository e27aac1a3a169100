import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../tools/simulator/cli-args';

describe('simulator CLI flags', () => {
  it('defaults to port 8765, the demo key, rewriting times and playing on connect', () => {
    expect(parseCliArgs([], {})).toMatchObject({
      port: 8765, apiKey: 'demo-key', domain: null, subscribers: ['101', 'agent@example.com'],
      rewriteTimes: true, onConnect: true, loop: false, speed: 1, scenario: null, generate: null, strict: false,
    });
  });

  it('reads port and key from the environment, flags winning', () => {
    const env = { CALLPOP_SIM_PORT: '9000', CALLPOP_SIM_API_KEY: 'env-key' };
    expect(parseCliArgs([], env)).toMatchObject({ port: 9000, apiKey: 'env-key' });
    expect(parseCliArgs(['--port', '9100', '--api-key', 'flag-key'], env)).toMatchObject({ port: 9100, apiKey: 'flag-key' });
  });

  it('collects repeated and comma-separated subscribers', () => {
    expect(parseCliArgs(['--subscriber', '101,102', '--subscriber', 'a@b.ua'], {}).subscribers).toEqual(['101', '102', 'a@b.ua']);
  });

  it('parses a generated hour, speed, loop and the negative switches', () => {
    expect(parseCliArgs(['--generate', '120', '--seed', '7', '--speed', '60', '--loop', '--no-rewrite-times', '--no-on-connect', '--strict'], {})).toMatchObject({
      generate: { calls: 120, seed: 7 }, speed: 60, loop: true, rewriteTimes: false, onConnect: false, strict: true,
    });
  });

  it.each([
    [['--port', '70000']],
    [['--port', 'abc']],
    [['--speed', '0']],
    [['--generate', '-3']],
    [['--scenario', 'a.jsonl', '--generate', '10']],
    [['--bogus']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArgs(argv, {})).toThrow();
  });
});
