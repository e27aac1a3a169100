// Keyboard shortcuts (manifest `commands`). `_execute_action` opens the popup by itself; the one
// handled here opens the CRM card of the current caller, or of the last one when nothing rings.
import { currentOrLastCaller } from '../calls/current-caller';
import type { Background } from './start-background';

export const OPEN_CALLER_COMMAND = 'open-caller-crm';

export type CommandResult = 'opened' | 'focused' | 'refused' | 'no-caller' | 'unknown-command';

export async function handleCommand(bg: Background, command: string): Promise<CommandResult> {
  if (command !== OPEN_CALLER_COMMAND) return 'unknown-command';
  await bg.pipeline.idle(); // a frame that just arrived may be the call the agent means
  const url = currentOrLastCaller(bg.pipeline.getState())?.caller.url;
  if (!url) return 'no-caller';
  return bg.openCrm(url, true);
}
