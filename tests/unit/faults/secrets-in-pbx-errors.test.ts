// Issue 8 case 16 at the core: a PBX `error` frame that quotes the API key never puts the key in
// call state (which the background persists and the diagnostics panel shows).
import { describe, expect, it } from 'vitest';
import { configWith } from '../calls/call-events';
import { processFrame } from '../../../src/calls/process-frame';
import { createInitialState } from '../../../src/calls/initial-state';

const KEY = 'k3y/with+special&chars';

describe('PBX error text', () => {
  it('masks the API key in every encoding before the error is kept', () => {
    const state = createInitialState();
    const frame = JSON.stringify({ event: 'error', message: `bad apiKey=${encodeURIComponent(KEY)} (raw ${KEY})` });
    const { result } = processFrame(state, frame, 1_700_000_000_000, { ...configWith(), secrets: [KEY] });
    expect(result.kind).toBe('error');
    const kept = JSON.stringify({ result, state });
    expect(kept).not.toContain(KEY);
    expect(kept).not.toContain(encodeURIComponent(KEY));
    expect(kept).toContain('bad apiKey=***');
  });

  it('leaves the text alone when there is no secret to hide', () => {
    const { result } = processFrame(createInitialState(), '{"event":"error","message":"quota"}', 1, configWith());
    expect(result).toMatchObject({ kind: 'error', message: expect.stringContaining('quota') });
  });
});
