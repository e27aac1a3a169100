// The queue behind the notification log, the button meanings, the offscreen document and catch-up.
import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../src/storage/serial-queue';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('createSerialQueue', () => {
  it('runs one job at a time, in the order given, even when a later job is quicker', async () => {
    const inOrder = createSerialQueue();
    const events: string[] = [];
    const job = (name: string, waits: number) => async () => {
      events.push(`start ${name}`);
      for (let i = 0; i < waits; i++) await tick();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([inOrder(job('a', 3)), inOrder(job('b', 0)), inOrder(job('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('hands a failure to its own caller and still runs the jobs after it', async () => {
    const inOrder = createSerialQueue();
    const failed = inOrder(async () => {
      throw new Error('storage gone');
    });
    const next = inOrder(async () => 'ran');
    await expect(failed).rejects.toThrow('storage gone');
    await expect(next).resolves.toBe('ran');
  });
});
