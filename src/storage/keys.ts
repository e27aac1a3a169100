// The key of every storage item, by area. Declared here without the browser seam so tests and
// tools that read storage from outside the extension (Node) can name them; what each holds,
// its schema and its writer are in items.ts, call-items.ts, background-items.ts, settings-items.ts
// and quarantine.ts.
export const SESSION_KEYS = {
  /** Live calls, presence, clock offset (call-items.ts liveStateItem). */
  callState: 'callpop.state',
  /** Notifications on screen and auto-opened conversations, written before each pop. */
  shown: 'callpop.shown',
  health: 'callpop.health',
  notificationLog: 'callpop.notificationLog',
  notificationButtons: 'callpop.notificationButtons',
  catchUpGap: 'callpop.catchUpGap',
  crmTabs: 'callpop.crmTabs',
  pendingDials: 'callpop.pendingDials',
} as const;

export const LOCAL_KEYS = {
  /** Settings, including the API key: local only, never synced. */
  settings: 'callpop.settings',
  history: 'callpop.history',
  callBacks: 'callpop.callBacks',
  keepAliveMode: 'callpop.keepAliveMode',
  dnd: 'callpop.dnd',
  restStatus: 'callpop.restStatus',
  quarantine: 'callpop.quarantine',
  storageTrim: 'callpop.storageTrim',
  /** The e-mail the agent typed once because the policy derives the subscriber from it (`subscriberFrom`). */
  agentEmail: 'callpop.agentEmail',
} as const;

export const SYNC_KEYS = {
  /** Non-secret preferences only (no apiKey, ever). */
  preferences: 'callpop.preferences',
} as const;

/** Test-only timers and hooks (background-items.ts testTuningItem). Apart from LOCAL_KEYS so a build that
 *  never reads it (the release, see __CALLPOP_TEST__) does not carry the name either. */
export const TEST_TUNING_KEY = 'callpop.testTuning';
