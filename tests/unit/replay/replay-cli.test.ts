// The real command, spawned as a script would run it. Each start of tsx takes seconds on a
// busy machine, so these few tests cover the wiring; replay-core.test.ts covers the rules.
import { describe, expect, it } from 'vitest';
import { runReplayCli, scenarioFile, tempFile } from './run-cli';
import { BRIDGE_AT, DIAL_AT, bridgeFrame, dialFrame, hangupFrame, wire } from '../protocol/frame-builders';

const SLOW = { timeout: 120_000 };
const caller = { name: 'Олена Коваль', company: 'ТОВ «Сонях»', number: '+380671234567', url: 'https://crm.example.com/contacts/29' };

describe('replay CLI', () => {
  it('prints one JSON line per frame and a summary, exactly; a malformed frame is data and the exit is 0', SLOW, async () => {
    const file = scenarioFile([
      { delayMs: 0, frame: wire(dialFrame()) },
      { delayMs: 5_000, frame: wire(bridgeFrame()) },
      { delayMs: 10, frame: '{"event": "call.dial", "uuid": ' },
      { delayMs: 60_000, frame: wire(hangupFrame()) },
    ]);
    const run = await runReplayCli([file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const op = { call: 'call-1', kind: 'incoming', title: caller.name, url: caller.url };
    const problem = run.lines[2]?.problem;
    expect(typeof problem === 'string' && problem.length > 0).toBe(true);
    expect(run.lines).toEqual([
      { frame: 0, accepted: true, kind: 'call', problem: null, notifications: [{ op: 'create', id: 'call:call-1', ...op, message: 'ТОВ «Сонях» · +380671234567' }] },
      { frame: 1, accepted: true, kind: 'call', problem: null, notifications: [{ op: 'update', id: 'call:call-1', ...op, message: 'Answered · ТОВ «Сонях» · +380671234567' }] },
      { frame: 2, accepted: false, kind: null, problem, notifications: [] },
      { frame: 3, accepted: true, kind: 'call', problem: null, notifications: [{ op: 'clear', id: 'call:call-1', call: 'call-1', kind: 'incoming', title: '', message: '', url: null }] },
      {
        summary: {
          frames: 4,
          rejected: 1,
          presence: null,
          calls: [
            {
              uuid: 'call-1',
              parentUuid: null,
              direction: 'incoming',
              status: 'ended',
              outcome: 'answered',
              dialAt: DIAL_AT,
              bridgeAt: BRIDGE_AT,
              caller,
              crm: [{ id: '29', name: caller.name, number: caller.number, company: caller.company, url: caller.url, priority: 1 }],
            },
          ],
        },
      },
    ]);
  });

  it('applies a settings file: with missed pops off, a missed call pops nothing', SLOW, async () => {
    const file = scenarioFile([
      { delayMs: 0, frame: wire(dialFrame()) },
      { delayMs: 20_000, frame: wire(hangupFrame({ bridgeAt: null })) },
    ]);
    const settings = tempFile('settings.json', JSON.stringify({ notifications: { missed: false } }));
    const run = await runReplayCli([file, '--settings', settings]);
    expect(run.status).toBe(0);
    expect((run.lines[1]?.notifications as { op: string; id: string }[]).map((o) => `${o.op} ${o.id}`)).toEqual(['clear call:call-1']);
  });

  it.each([
    ['no arguments', [] as string[], /no scenario file/],
    ['a missing file', ['/nonexistent/scenario.jsonl'], /cannot read scenario/],
  ])('%s: exits non-zero with one line on stderr and nothing on stdout', SLOW, async (_name, args, reason) => {
    const run = await runReplayCli(args);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
  });

  it('a scenario line that is not {delayMs, frame} exits 1 naming the line', SLOW, async () => {
    const file = tempFile('bad.jsonl', `${JSON.stringify({ delayMs: 0, frame: wire(dialFrame()) })}\n\n{"delayMs": "soon", "frame": "{}"}\n`);
    const run = await runReplayCli([file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/line 3/);
    expect(run.stderr.split('\n')).toHaveLength(1);
  });

  it('an invalid settings file exits 1', SLOW, async () => {
    const file = scenarioFile([{ delayMs: 0, frame: wire(dialFrame()) }]);
    const run = await runReplayCli([file, '--settings', tempFile('settings.json', '{"historyLimit": 3}')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^replay: settings: historyLimit/);
  });
});
