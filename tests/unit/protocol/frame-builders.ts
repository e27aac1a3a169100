// Valid wire frames, as the PBX sends them (docs/protocol.md), for any test that needs one.
// Every builder returns a fresh object; pass overrides to change or add fields (`undefined`
// removes a field, because JSON.stringify drops it), and `wire()` to get the text frame.

export type WireFrame = Record<string, unknown>;

/** Fixed clock for builders: 2023-11-14T22:13:20Z in ms. */
export const DIAL_AT = 1_700_000_000_000;
export const BRIDGE_AT = DIAL_AT + 5_000;

/** The JSON text the WebSocket delivers. */
export function wire(frame: WireFrame): string {
  return JSON.stringify(frame);
}

/** The document's own example frame (docs/protocol.md, "One event"), verbatim. */
export function exampleFrame(): WireFrame {
  return {
    event: 'call.dial',
    uuid: '7c0a9a4e-0f4b-4b9e-9a57-1b2f3c4d5e6f',
    parentUuid: null,
    lgDirection: 4,
    leg: { id: 120, type: 1, displayName: 'Support Vega', ext: '911' },
    leg2: null,
    otherLegs: [
      {
        id: '29',
        name: 'Тест',
        num: '+380567777777',
        companyName: 'Рекламна агенція',
        url: 'https://qwerty.pbx.vega.ua/features/crm/contacts/edit.jsp#/?id=1',
        priority: 2,
      },
    ],
    dialAt: 1473973200000,
    bridgeAt: null,
    serverTime: '1473973201000',
    trunkNum: '567850550',
    trunkName: '567850550',
  };
}

/** `leg`: an employee by default. */
export function legOf(overrides: WireFrame = {}): WireFrame {
  return { id: 120, type: 1, ext: '911', displayName: 'Support Vega', ...overrides };
}

/** One `otherLegs` element: a client the CRM knows, by default. */
export function crmCardOf(overrides: WireFrame = {}): WireFrame {
  return {
    id: '29',
    name: 'Олена Коваль',
    num: '+380671234567',
    companyName: 'ТОВ «Сонях»',
    url: 'https://crm.example.com/contacts/29',
    priority: 1,
    ...overrides,
  };
}

/** `call.dial` of an incoming external call that one CRM recognizes. */
export function dialFrame(overrides: WireFrame = {}): WireFrame {
  return {
    event: 'call.dial',
    uuid: 'call-1',
    parentUuid: null,
    lgDirection: 4,
    leg: legOf(),
    leg2: null,
    otherLegs: [crmCardOf()],
    dialAt: DIAL_AT,
    bridgeAt: null,
    serverTime: DIAL_AT + 100,
    trunkNum: '0567850550',
    trunkName: 'Main line',
    ...overrides,
  };
}

/** `call.bridge` of the same call: answered. */
export function bridgeFrame(overrides: WireFrame = {}): WireFrame {
  return dialFrame({ event: 'call.bridge', bridgeAt: BRIDGE_AT, serverTime: BRIDGE_AT + 100, ...overrides });
}

/** `call.hangup` of the same call after it was answered; pass `bridgeAt: null` for a missed one. */
export function hangupFrame(overrides: WireFrame = {}): WireFrame {
  return dialFrame({ event: 'call.hangup', bridgeAt: BRIDGE_AT, serverTime: BRIDGE_AT + 60_000, ...overrides });
}

/** An agent pause (`away`, lgDirection 32) or return (`available`, 64). */
export function presenceFrame(presence: 'away' | 'available', overrides: WireFrame = {}): WireFrame {
  return {
    event: 'user.status',
    lgDirection: presence === 'away' ? 32 : 64,
    leg: legOf(),
    serverTime: DIAL_AT,
    ...overrides,
  };
}

/** An `error` event; its payload is undocumented, this is a plausible one. */
export function errorFrame(overrides: WireFrame = {}): WireFrame {
  return { event: 'error', message: 'Invalid API key', code: 401, serverTime: DIAL_AT, ...overrides };
}

// Where a valid frame may be damaged, for properties over "almost valid" input.
export type Path = readonly (string | number)[];

export const MUTABLE_PATHS: Path[] = [
  ...['event', 'uuid', 'parentUuid', 'lgDirection', 'leg', 'leg2', 'otherLegs', 'dialAt', 'bridgeAt'].map((k) => [k]),
  ...['serverTime', 'trunkNum', 'trunkName'].map((k) => [k]),
  ...['id', 'type', 'ext', 'displayName'].map((k) => ['leg', k]),
  ...['id', 'type', 'ext', 'displayName'].map((k) => ['leg2', k]),
  ['otherLegs', 0],
  ['otherLegs', 1],
  ...['id', 'name', 'num', 'companyName', 'url', 'priority'].map((k) => ['otherLegs', 1, k]),
];

/** A deep copy of `frame` with the value at `path` replaced, or deleted when `value` is absent. */
export function mutate(frame: WireFrame, path: Path, value: { set: unknown } | null): WireFrame {
  const copy = structuredClone(frame);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === null) delete parent[last];
  else parent[last] = value.set;
  return copy;
}
