// What the pipeline has handled: frames accepted and rejected (with the last few reasons) and the
// last PBX `error` frame. The pipeline room owns these; health shows them beside the connection's.
import type { Health } from '../connection/health';

export type FrameStatsView = Pick<Health, 'framesAccepted' | 'framesRejected' | 'lastRejections' | 'lastPbxError'>;

/** Rejection reasons kept for diagnostics. */
const KEPT_REJECTIONS = 5;

export class FrameStats {
  private view: FrameStatsView;

  /** `stored`: what the last worker reported (the counts go on across worker lives). */
  constructor(stored: FrameStatsView) {
    this.view = { framesAccepted: stored.framesAccepted, framesRejected: stored.framesRejected, lastRejections: stored.lastRejections, lastPbxError: stored.lastPbxError };
  }

  count(accepted: boolean, reason: string | null, at: number): void {
    const v = this.view;
    this.view = accepted
      ? { ...v, framesAccepted: v.framesAccepted + 1 }
      : { ...v, framesRejected: v.framesRejected + 1, lastRejections: [...v.lastRejections.slice(-(KEPT_REJECTIONS - 1)), { at, reason: reason ?? '' }] };
  }

  notePbxError(message: string, at: number): void {
    this.view = { ...this.view, lastPbxError: { at, message } };
  }

  snapshot(): FrameStatsView {
    return this.view;
  }
}
