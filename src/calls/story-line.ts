// The caller's story line for a call, in one call: story (history lookup) then words.
import type { Translate } from '../i18n/i18n-types';
import type { CallRecord, CallsState } from './types';
import { callerStory } from './caller-story';
import { dayNamer, storyText, type StoryClock } from './story-text';

/** '' when history says nothing about this caller. `pbxTime` is now on the PBX's clock. */
export function storyLineFor(state: CallsState, record: CallRecord, pbxTime: number, clock: StoryClock, t: Translate): string {
  const story = callerStory(state, record, pbxTime, dayNamer(clock));
  return storyText(story, pbxTime, clock, t);
}
