// The REST answers we rely on (docs/protocol.md, last section), validated before use. Loose on
// purpose where the document says nothing (extra fields pass), strict on what we read.
import * as z from 'zod/mini';

const id = z.pipe(z.union([z.string().check(z.minLength(1), z.maxLength(200)), z.number()]), z.transform(String));
const text = z.pipe(z.union([z.string(), z.number()]), z.transform(String));

/** makeCall answers `{ "uuid": … }`. */
export const makeCallAnswerSchema = z.looseObject({ uuid: id });

/** One user from GET /rest/users: id, ext, displayName, email. */
export const restUserSchema = z.looseObject({
  id: z.nullish(id),
  ext: z.nullish(text),
  displayName: z.nullish(z.string()),
  email: z.nullish(z.string()),
});
export const restUsersAnswerSchema = z.array(restUserSchema);

/**
 * One call from missed.api. The document gives no shape; public clients show the stream's
 * own fields (uuid, lgDirection, leg, otherLegs, dialAt in seconds, trunkNum…), so each item
 * must at least have a uuid and a dial time, and is otherwise read like a stream event.
 */
export const missedCallSchema = z.looseObject({
  uuid: id,
  dialAt: z.union([z.number(), z.string().check(z.regex(/^\d+$/))]),
});
/** The list itself must be an array; a single bad item is skipped, not fatal. */
export const missedAnswerSchema = z.array(z.unknown());

export type MissedCallItem = z.infer<typeof missedCallSchema> & Record<string, unknown>;
export type RestUser = z.infer<typeof restUserSchema>;
