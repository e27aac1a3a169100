// frame → normalized event → call state → effects, in the background. Frames are processed in
// arrival order; each batch's record of what is shown is stored BEFORE its effects run, so a
// worker stopped in between restarts knowing which notifications it already showed and never
// pops one twice. The rest of the state (live calls, history) and the badge follow once the
// pop-ups are out: the agent sees the call without waiting for them (docs/performance.md).
import { processFrame } from '../calls/process-frame';
import { coalesceNotificationOps } from '../calls/coalesce-notifications';
import type { CallsState, Effect } from '../calls/types';
import type { ReducerConfig } from '../calls/reducer-config';
import type { NormalizeResult } from '../protocol/events';
import { saveRest, saveShown } from '../storage/call-state-store';
import { noteBatchTiming } from './timing-probe';

export interface PipelineHooks {
  config(): ReducerConfig;
  /** What may happen now (do-not-disturb): runs before anything is saved, and may change the state with it. */
  gate(effects: Effect[], state: CallsState): Effect[];
  /** Runs after the state holding these effects was persisted. */
  applyEffects(effects: Effect[]): Promise<void>;
  /** Each frame's result as soon as it is parsed (a PBX error must be noted before a close that follows it). */
  onResult(result: NormalizeResult): void;
  /** Each frame's result once its state is saved and its effects are carried out. */
  onHandled(result: NormalizeResult): void;
  /** State changed (badge, etc.). */
  onState(state: CallsState): void;
}

export class CallPipeline {
  private queue: unknown[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private state: CallsState,
    private readonly hooks: PipelineHooks,
  ) {}

  getState(): CallsState {
    return this.state;
  }

  /** The reducer config in force now (catch-up folds REST calls in with the same one). */
  currentConfig(): ReducerConfig {
    return this.hooks.config();
  }

  push(data: unknown): void {
    this.queue.push(data);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** Resolves when every frame pushed so far has been processed, persisted and acted on. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Runs a state change that is not a frame (mark seen, clear history) through the same persistence path. */
  async mutate(change: (state: CallsState) => Effect[] | void, historyChanged: boolean): Promise<void> {
    await this.idle();
    const callBacksBefore = this.state.callBacks;
    const effects = change(this.state) ?? [];
    await this.persist({ history: historyChanged, callBacks: this.state.callBacks !== callBacksBefore }, effects);
  }

  /** Shown record first (awaited), then the pop-ups, then the rest of the state and the badge. */
  private async persist(changed: { history: boolean; callBacks: boolean }, all: Effect[]): Promise<void> {
    const effects = this.hooks.gate(all, this.state);
    noteBatchTiming('reduced');
    const warn = (error: unknown) => console.warn('CallPop: could not persist call state', error instanceof Error ? error.message : String(error));
    // A failed write still pops: a ring the agent never sees is worse than one seen twice.
    await saveShown(this.state).catch(warn);
    noteBatchTiming('recorded');
    // The pop-ups first, alone: the browser handles an extension's calls in order on one thread,
    // and a notifications.create finishes there after loading its icon, so a write or a badge
    // call sent beside it delays the pop-up by its own cost (docs/performance.md, ring-to-pop).
    try {
      await this.hooks.applyEffects(effects);
    } finally {
      this.hooks.onState(this.state);
      await saveRest(this.state, changed).catch(warn);
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      // Everything that arrived meanwhile is one batch: one storage write per batch keeps a flood cheap.
      const batch = this.queue;
      this.queue = [];
      const lastBefore = this.state.history.at(-1);
      const lengthBefore = this.state.history.length;
      // call-backs.ts replaces the list whenever it changes: identity says whether to write it.
      const callBacksBefore = this.state.callBacks;
      const effects: Effect[] = [];
      const results: NormalizeResult[] = [];
      const config = this.hooks.config();
      for (const data of batch) {
        const { result, effects: produced } = processFrame(this.state, data, Date.now(), config);
        this.hooks.onResult(result);
        results.push(result);
        effects.push(...produced);
      }
      const historyChanged = this.state.history.length !== lengthBefore || this.state.history.at(-1) !== lastBefore;
      // A notification shown and gone within one batch is never asked of the browser (flood-proof).
      await this.persist({ history: historyChanged, callBacks: this.state.callBacks !== callBacksBefore }, coalesceNotificationOps(effects));
      // Counted once fully handled, so "N frames processed" in health means their pop-ups are out too.
      for (const result of results) this.hooks.onHandled(result);
    }
  }
}
