// Test-only entry points for events a test cannot fire (a keyboard shortcut, a notification
// click). They are always defined on the worker's global but refuse to run unless storage.local
// 'callpop.testTuning' has `exposeHandlers: true`, which only a test (or a developer) writes.
import { testTuningItem } from '../storage/items';

export type TestHandler = (...args: never[]) => Promise<unknown>;

async function allowed(): Promise<boolean> {
  return (await testTuningItem.get()).exposeHandlers;
}

/** Adds handlers under `globalThis.__callpopTest` (merged, so each feature registers its own). */
export function exposeTestHandlers(handlers: Record<string, TestHandler>): void {
  const target = globalThis as unknown as { __callpopTest?: Record<string, TestHandler> };
  const guarded: Record<string, TestHandler> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    guarded[name] = async (...args: never[]) => {
      if (!(await allowed())) throw new Error('CallPop test handlers are off (callpop.testTuning.exposeHandlers)');
      return handler(...args);
    };
  }
  target.__callpopTest = { ...target.__callpopTest, ...guarded };
}
