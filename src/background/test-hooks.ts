// Test-only entry points for events a test cannot fire (a keyboard shortcut, a notification
// click). They exist only in the test build (__CALLPOP_TEST__, src/build-flags.d.ts) and even
// there refuse to run unless the test tuning has `exposeHandlers: true`.
import { testTuningItem } from '../storage/background-items';

export type TestHandler = (...args: never[]) => Promise<unknown>;

async function allowed(): Promise<boolean> {
  return (await testTuningItem.get()).exposeHandlers;
}

/** Adds handlers under `globalThis.__callpopTest` (merged, so each feature registers its own). */
export function exposeTestHandlers(handlers: Record<string, TestHandler>): void {
  if (!__CALLPOP_TEST__) return;
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
