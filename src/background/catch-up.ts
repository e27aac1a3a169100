// Catch-up after a gap: when the connection comes back after being down, ask the PBX for the
// calls missed meanwhile (REST missed.api) and fold them into history with one summary pop.
// When the gap began is kept in session storage, so a worker stopped mid-gap still knows.
import { catchUpGapItem } from '../storage/background-items';
import type { ConnectionState, Health } from '../connection/health';
import type { Settings } from '../settings/settings-schema';
import { MISSED_PAGE_LIMIT } from '../rest/rest-client';
import { restErrorKindOf } from '../rest/rest-errors';
import type { MissedCallItem } from '../rest/rest-schemas';
import type { ReducerConfig } from '../calls/reducer-config';
import { mergeMissedCalls } from '../calls/catch-up-merge';
import type { CallPipeline } from './call-pipeline';
import { noteCatchUp, noteRestFailure, noteRestSuccess, restClientFor, restFeaturesAvailable } from './pbx-rest';
import { createSerialQueue } from '../storage/serial-queue';

/** Calls that rang just before the drop end inside the gap: look a little further back (uuids dedupe). */
const LOOK_BACK_MS = 2 * 60_000;
/** A bound on one catch-up: 10 pages of 50. */
const MAX_PAGES = 10;

export interface CatchUpDeps {
  settings(): Settings;
  config(): ReducerConfig;
  pipeline: CallPipeline;
  now(): number;
}

export interface CatchUp {
  onHealth(health: Health): Promise<void>;
  /** A suspect socket was replaced without a gap in health (sleep, network back): ask for what rang since. */
  after(since: number): Promise<void>;
}

/** `initial`: the state restored from storage (a worker that died while connected left 'connected'). */
export function createCatchUp(deps: CatchUpDeps, initial: ConnectionState): CatchUp {
  let previous = initial;
  const inOrder = createSerialQueue();

  const readGap = async (): Promise<number | null> => (await catchUpGapItem.get())?.downSince ?? null;

  const fetchAndMerge = async (downSince: number): Promise<void> => {
    const settings = deps.settings();
    if (!(await restFeaturesAvailable(settings))) {
      await noteCatchUp(0, 'no-permission-or-unavailable');
      return;
    }
    try {
      const client = await restClientFor(settings);
      const timeFrom = Math.floor((downSince - LOOK_BACK_MS) / 1000);
      const timeTo = Math.ceil(deps.now() / 1000);
      const items: MissedCallItem[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await client.missedCalls({ timeFrom, timeTo, limit: MISSED_PAGE_LIMIT, offset: page * MISSED_PAGE_LIMIT });
        items.push(...answer.calls);
        if (answer.received < MISSED_PAGE_LIMIT) break;
      }
      let added = 0;
      await deps.pipeline.mutate((state) => {
        const merged = mergeMissedCalls(state, items, deps.now(), deps.config());
        added = merged.added.length;
        return merged.effects;
      }, true);
      await noteRestSuccess();
      await noteCatchUp(added, null);
    } catch (error) {
      await noteRestFailure(error);
      await noteCatchUp(0, restErrorKindOf(error));
    }
  };

  const step = async (health: Health): Promise<void> => {
    const was = previous;
    previous = health.state;
    if (health.state === 'connected' && was !== 'connected') {
      const downSince = await readGap();
      if (downSince === null) return;
      await catchUpGapItem.remove();
      await fetchAndMerge(downSince);
      return;
    }
    // Only a lost connection is a gap; not-configured or stopped-by-settings never had calls to miss.
    const lost = was === 'connected' && (health.state === 'connecting' || health.state === 'reconnecting' || health.state === 'stopped');
    if (lost && (await readGap()) === null) await catchUpGapItem.set({ downSince: deps.now() });
  };

  return {
    // One transition at a time, in order: a quick drop-and-reconnect must see its own gap.
    onHealth(health) {
      return inOrder(() => step(health)).catch(() => undefined);
    },
    after(since) {
      return inOrder(() => fetchAndMerge(since)).catch(() => undefined);
    },
  };
}
