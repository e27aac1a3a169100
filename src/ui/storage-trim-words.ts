// "N oldest calls left out …": why the history is shorter than the limit the agent set.
import type { Translate } from '../i18n/i18n-types';
import type { StorageTrim } from '../storage/items';

export function storageTrimWords(trim: StorageTrim, t: Translate, formatTime: (ms: number) => string): string {
  return t(trim.reason === 'quota' ? 'storageTrimQuota' : 'storageTrimBudget', [String(trim.dropped), formatTime(trim.at)]);
}
