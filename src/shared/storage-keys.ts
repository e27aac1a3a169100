// Every storage item the extension owns, by area. The background is the only writer of
// session `state` and `health`; pages read them on open and watch `storage.onChanged`.
export const SESSION_KEYS = {
  /** CallsState (src/calls/types.ts) minus history: live calls, presence, shown notifications. */
  callState: 'callpop.state',
  /** Health (src/shared/health.ts). */
  health: 'callpop.health',
  /** The last notifications shown (ids and kinds only), for diagnostics. */
  notificationLog: 'callpop.notificationLog',
  /** What each button of a shown notification means, by notification id (notification-buttons-store.ts). */
  notificationButtons: 'callpop.notificationButtons',
} as const;

export const LOCAL_KEYS = {
  /** Settings (src/shared/settings-schema.ts), including the API key: local only, never synced. */
  settings: 'callpop.settings',
  /** Ended calls, oldest first (CallRecord[]). */
  history: 'callpop.history',
  /** Callers still to call back (CallBackEntry[], src/calls/call-backs.ts): must outlive a browser restart. */
  callBacks: 'callpop.callBacks',
  /** Whether the current server tolerates client keep-alive frames. */
  keepAliveMode: 'callpop.keepAliveMode',
  /** Do-not-disturb on this machine: {until: ms | null} (src/calls/do-not-disturb.ts); absent = off. */
  dnd: 'callpop.dnd',
  /**
   * The e-mail the agent typed once because the policy derives the subscriber from it
   * (`subscriberFrom`) and the browser gives none (Firefox, a profile not signed in).
   */
  agentEmail: 'callpop.agentEmail',
} as const;

export const SYNC_KEYS = {
  /** Non-secret preferences only (no apiKey, ever). */
  preferences: 'callpop.preferences',
} as const;
