// What can go wrong talking to the PBX's REST API, as kinds the UI turns into words
// (locale key `restError_<kind>`) and the diagnostics panel explains.

export type RestErrorKind =
  /** The browser refused the request: host access for the PBX origin was not granted (or the network is down). */
  | 'network'
  | 'timeout'
  /** HTTP 401/403 even right after a fresh log-in: the domain or API key is wrong, or REST is not enabled. */
  | 'refused'
  /** 404 / 405: the endpoint does not exist on this PBX. */
  | 'not-found'
  /** 5xx: the PBX is there but failing. */
  | 'server'
  /** Any other status. */
  | 'unexpected-status'
  /** Not JSON, or JSON in a shape the documentation does not describe. */
  | 'bad-answer'
  /** No host permission for the PBX origin: asked for at run time, on a click. */
  | 'no-permission'
  /** Settings lack a domain or key, or the agent's extension could not be found. */
  | 'not-configured'
  /** The text holds no plausible phone number. */
  | 'invalid-number'
  /** The number is outside the admin's `dialPrefixes` policy: refused before anything reaches the PBX. */
  | 'dial-refused';

const KINDS: ReadonlySet<string> = new Set<RestErrorKind>([
  'network',
  'timeout',
  'refused',
  'not-found',
  'server',
  'unexpected-status',
  'bad-answer',
  'no-permission',
  'not-configured',
  'invalid-number',
  'dial-refused',
]);

/** A kind another context sent: checked, never cast. */
export const isRestErrorKind = (value: unknown): value is RestErrorKind => typeof value === 'string' && KINDS.has(value);

/** Kinds that mean "this PBX does not speak the documented REST API": the features hide themselves. */
export const UNDOCUMENTED_KINDS: ReadonlySet<RestErrorKind> = new Set(['not-found', 'unexpected-status', 'bad-answer']);

export class RestError extends Error {
  constructor(
    readonly kind: RestErrorKind,
    /** Technical detail for diagnostics (status, endpoint, schema issue); never contains the key. */
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'RestError';
  }
}

export function restErrorKindOf(error: unknown): RestErrorKind {
  return error instanceof RestError ? error.kind : 'network';
}

/** The locale key that says a kind in words. */
export const restErrorMessageKey = (kind: RestErrorKind): string => `restError_${kind.replace(/-/g, '_')}`;
