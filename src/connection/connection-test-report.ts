// What "Test connection" reports, as it crosses from the background to the options page. Apart
// from the test itself (connection-test.ts) so the pages' message schemas (messages.ts) do not
// load the test's code (issue 17: the popup loads messages.ts at first paint).
import * as z from 'zod/mini';

export const connectionTestReportSchema = z.object({
  result: z.enum(['connected', 'refused', 'unreachable', 'not-websocket', 'timeout']),
  /** The first frame the PBX sent within FIRST_FRAME_WAIT_MS of opening, as text. */
  firstFrame: z.nullable(z.string()),
  /** A locale key explaining the result (takes the HTTP status as $1 when there is one). */
  detail: z.string(),
  /** The HTTP status that decided the result, if any. */
  httpStatus: z.nullable(z.number()),
});
export type ConnectionTestReport = z.infer<typeof connectionTestReportSchema>;
export type TestResult = ConnectionTestReport['result'];
