import { describe, expect, it } from 'vitest';
import { configWith } from './call-events';
import { processFrame } from '../../../src/calls/process-frame';
import { createInitialState } from '../../../src/calls/initial-state';
import { bridgeFrame, dialFrame, errorFrame, hangupFrame, presenceFrame, wire } from '../protocol/frame-builders';

const NOW = 1_700_000_000_200;

describe('processFrame', () => {
  it('turns a call.dial text frame into a ringing call and its pop', () => {
    const state = createInitialState();
    const { result, effects } = processFrame(state, wire(dialFrame()), NOW, configWith());
    expect(result.kind).toBe('call');
    expect(state.active['call-1']).toMatchObject({ status: 'ringing', caller: { name: 'Олена Коваль', company: 'ТОВ «Сонях»' } });
    expect(effects).toHaveLength(1);
    expect(state.clockOffsetMs).toBe(-100);
  });

  it('a rejected frame changes nothing', () => {
    const state = createInitialState();
    processFrame(state, wire(dialFrame()), NOW, configWith());
    const before = JSON.stringify(state);
    const { result, effects } = processFrame(state, '{"event": "call.dial", ', NOW + 1, configWith());
    expect(result.kind).toBe('rejected');
    expect(effects).toEqual([]);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('a presence frame sets presence, an error frame sets the last error, neither pops', () => {
    const state = createInitialState();
    expect(processFrame(state, wire(presenceFrame('away')), NOW, configWith()).effects).toEqual([]);
    expect(state.presence?.status).toBe('away');
    const error = processFrame(state, wire(errorFrame()), NOW + 5, configWith());
    expect(error.result.kind).toBe('error');
    expect(error.effects).toEqual([]);
    expect(state.lastError?.at).toBe(NOW + 5);
  });

  it('a call whose uuid is a prototype name is an ordinary call', () => {
    const state = createInitialState();
    for (const uuid of ['__proto__', 'toString', 'constructor']) {
      processFrame(state, wire(dialFrame({ uuid })), NOW, configWith());
      processFrame(state, wire(hangupFrame({ uuid, bridgeAt: null })), NOW, configWith());
    }
    expect(state.history.map((r) => [r.uuid, r.outcome])).toEqual([['__proto__', 'missed'], ['toString', 'missed'], ['constructor', 'missed']]);
    expect(Object.getPrototypeOf(state.active)).toBe(Object.prototype);
    expect(Object.keys(state.active)).toEqual([]);
  });

  it('a whole answered call ends in history as answered', () => {
    const state = createInitialState();
    for (const frame of [dialFrame(), bridgeFrame(), hangupFrame()]) processFrame(state, wire(frame), NOW, configWith());
    expect(state.history.map((r) => [r.uuid, r.status, r.outcome])).toEqual([['call-1', 'ended', 'answered']]);
    expect(state.shown).toEqual({});
  });
});

describe('processFrame on anything the socket delivers', () => {
  it('never throws, and only a rejection leaves the state untouched', async () => {
    const fc = (await import('fast-check')).default;
    const frame = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything(),
      fc.record({ event: fc.constantFrom('call.dial', 'call.bridge', 'call.hangup', 'error', 'x'), uuid: fc.string(), lgDirection: fc.constantFrom(1, 2, 4, 32, 64, '4', 7) }).map((f) => JSON.stringify(f)),
    );
    fc.assert(
      fc.property(frame, (data) => {
        const state = createInitialState();
        const before = JSON.stringify(state);
        const { result } = processFrame(state, data, NOW, configWith());
        if (result.kind === 'rejected') expect(JSON.stringify(state)).toBe(before);
        else expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  });
});
