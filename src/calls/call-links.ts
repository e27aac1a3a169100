// Which links a call carries: its caller's primary link and every CRM card's, across the whole
// conversation (a group leg borrows its caller from a sibling, and so does the popup). Pure.
// The background opens a link for a page only when the call the page names carries it, so a
// page cannot use the background to open an arbitrary address (issue 16, finding 5).
import type { CallsState } from './types';
import { findCall } from './find-call';
import { endedCallsOf, liveCallsOf } from './call-index';

export function callCarriesLink(state: CallsState, uuid: string, url: string): boolean {
  const call = findCall(state, uuid);
  if (!call) return false;
  const records = [call, ...liveCallsOf(state, call.rootUuid), ...endedCallsOf(state, call.rootUuid)];
  return records.some((record) => record.caller.url === url || record.crm.some((card) => card.url === url));
}
