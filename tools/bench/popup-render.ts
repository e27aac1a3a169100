// Group 5: the popup's time to first useful render, from navigation start to the first live
// call row (or, for an empty popup, the empty state), with 500 history entries and 20 live
// calls against an empty one, interleaved in the same browser.
import type { ChromiumExtension } from '../../tests/e2e/support/chromium';
import { createInitialState } from '../../src/calls/initial-state';
import { processFrame } from '../../src/calls/process-frame';
import type { ReducerConfig } from '../../src/calls/reducer-config';
import type { CallsState } from '../../src/calls/types';
import { LOCAL_KEYS, SESSION_KEYS } from '../../src/storage/keys';
import { incomingFrame } from './bench-frames';
import { pairedRatios, spread, type Spread } from './stats';

export interface PopupRenderResult {
  fullMs: Spread;
  emptyMs: Spread;
  ratio: Spread;
  history: number;
  live: number;
}


/** Built through the real reducer, so every record is one the background could have stored. */
export function busyState(config: ReducerConfig, history = 500, live = 20): CallsState {
  const state = createInitialState();
  let at = Date.now() - (history + live) * 60_000;
  for (let i = 0; i < history; i++, at += 60_000) {
    processFrame(state, incomingFrame('call.dial', i, at), at, config);
    // Every fourth call is missed; the rest are answered.
    if (i % 4 !== 0) processFrame(state, incomingFrame('call.bridge', i, at + 5_000), at + 5_000, config);
    processFrame(state, incomingFrame('call.hangup', i, at + 30_000), at + 30_000, config);
  }
  for (let i = 0; i < live; i++, at += 1_000) {
    processFrame(state, incomingFrame('call.dial', history + i, at), at, config);
    if (i % 2 === 0) processFrame(state, incomingFrame('call.bridge', history + i, at + 500), at + 500, config);
  }
  if (state.history.length !== history || Object.keys(state.active).length !== live) throw new Error('popup bench: unexpected state shape');
  return state;
}

async function writeState(ext: ChromiumExtension, state: CallsState): Promise<void> {
  await ext.evalInWorker(
    async ([sessionKey, localKey, value]) => {
      await chrome.storage.session.set({ [sessionKey]: { ...value, history: [] } });
      await chrome.storage.local.set({ [localKey]: value.history });
    },
    [SESSION_KEYS.callState, LOCAL_KEYS.history, state] as const,
  );
}

/** Opens the popup and returns ms from navigation start until `selector` first exists. */
async function timeFirstRender(ext: ChromiumExtension, selector: string): Promise<number> {
  const page = await ext.context.newPage();
  try {
    await page.addInitScript((wanted: string) => {
      const mark = window as unknown as { benchFirstUseful?: number };
      const observer = new MutationObserver(() => {
        if (mark.benchFirstUseful === undefined && document.querySelector(wanted)) {
          mark.benchFirstUseful = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, selector);
    await page.goto(`chrome-extension://${ext.extensionId}/src/popup/popup.html`);
    const handle = await page.waitForFunction(() => (window as unknown as { benchFirstUseful?: number }).benchFirstUseful, undefined, { timeout: 30_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export async function benchPopupRender(ext: ChromiumExtension, config: ReducerConfig, repetitions = 7): Promise<PopupRenderResult> {
  const full = busyState(config);
  const empty = createInitialState();
  const fullRuns: number[] = [];
  const emptyRuns: number[] = [];
  const once = async (state: CallsState, selector: string) => {
    await writeState(ext, state);
    // The worker re-reads storage when it wakes: otherwise the popup's "mark missed seen"
    // would make it save its own, older state over the one just written.
    await ext.stopWorker();
    return timeFirstRender(ext, selector);
  };
  await once(full, '[data-testid="live-call"]'); // warm-up: first open compiles the page's code
  for (let rep = 0; rep < repetitions; rep++) {
    const fullFirst = rep % 2 === 0;
    if (!fullFirst) emptyRuns.push(await once(empty, '[data-testid="empty-state"]'));
    fullRuns.push(await once(full, '[data-testid="live-call"]'));
    if (fullFirst) emptyRuns.push(await once(empty, '[data-testid="empty-state"]'));
  }
  return {
    fullMs: spread(fullRuns),
    emptyMs: spread(emptyRuns),
    ratio: pairedRatios(fullRuns, emptyRuns),
    history: full.history.length,
    live: Object.keys(full.active).length,
  };
}
