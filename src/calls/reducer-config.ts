// What the reducer needs from the outside world, passed in so the core stays pure.
import type { NotificationPolicy } from '../settings/settings-schema';
import type { Translate } from '../i18n/i18n-types';
import type { StoryClock } from './story-text';

export interface ReducerConfig {
  policy: NotificationPolicy;
  /** Ended calls kept; the oldest is dropped first. Also bounds every per-conversation memory. */
  historyLimit: number;
  /** The agent: extension number or e-mail, as in the connection settings. */
  subscriber: string;
  t: Translate;
  /** Secrets to mask in PBX error text before it is kept (a PBX may echo the API key back). */
  secrets?: readonly string[];
  /** When set, a ringing call's pop carries the caller's story line (story-text.ts) in this language. */
  story?: StoryClock;
}
