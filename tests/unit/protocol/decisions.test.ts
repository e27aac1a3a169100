// docs/protocol.md's decisions, one describe each (7–10 are call-state policy; only what they need
// from normalization is here), plus the field table and the document's own example.
import { describe, expect, it } from 'vitest';
import type { CallEvent, NormalizeResult } from '../../../src/protocol/events';
import { normalizeFrame } from '../../../src/protocol/normalize-frame';
import {
  BRIDGE_AT,
  DIAL_AT,
  bridgeFrame,
  crmCardOf,
  dialFrame,
  errorFrame,
  exampleFrame,
  hangupFrame,
  legOf,
  presenceFrame,
  wire,
  type WireFrame,
} from './frame-builders';

function normalize(frame: WireFrame): NormalizeResult {
  return normalizeFrame(wire(frame));
}

function call(frame: WireFrame): CallEvent {
  const result = normalize(frame);
  if (result.kind !== 'call') throw new Error(`expected a call, got ${JSON.stringify(result)}`);
  return result;
}

function reason(frame: WireFrame): string {
  const result = normalize(frame);
  if (result.kind !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return result.reason;
}

describe("the document's example frame", () => {
  it('normalizes to an incoming ringing call with its CRM card', () => {
    expect(normalize(exampleFrame())).toEqual({
      kind: 'call',
      event: 'dial',
      uuid: '7c0a9a4e-0f4b-4b9e-9a57-1b2f3c4d5e6f',
      parentUuid: null,
      direction: 'incoming',
      leg: { id: '120', type: 'user', ext: '911', displayName: 'Support Vega' },
      leg2: null,
      crm: [
        {
          id: '29',
          name: 'Тест',
          number: '+380567777777',
          company: 'Рекламна агенція',
          url: 'https://qwerty.pbx.vega.ua/features/crm/contacts/edit.jsp#/?id=1',
          urlRejected: false,
          priority: 2,
        },
      ],
      primary: 0,
      dialAt: 1473973200000,
      bridgeAt: null,
      serverTime: 1473973201000,
      trunkNum: '567850550',
      trunkName: '567850550',
    } satisfies CallEvent);
  });
});

describe('field table: every field is carried', () => {
  it('carries event, uuid, parentUuid, lgDirection, leg, leg2, otherLegs, times and trunk', () => {
    const event = call(
      bridgeFrame({
        uuid: 'child-7',
        parentUuid: 'group-3',
        lgDirection: 1,
        leg: legOf({ id: 5, type: 2, ext: '200', displayName: 'Sales' }),
        leg2: legOf({ id: 6, type: 1, ext: '201', displayName: 'Іван' }),
        otherLegs: null,
        trunkNum: null,
        trunkName: null,
      }),
    );
    expect(event).toMatchObject({
      event: 'bridge',
      uuid: 'child-7',
      parentUuid: 'group-3',
      direction: 'internal',
      leg: { id: '5', type: 'group', ext: '200', displayName: 'Sales' },
      leg2: { id: '6', type: 'user', ext: '201', displayName: 'Іван' },
      crm: [],
      primary: null,
      dialAt: DIAL_AT,
      bridgeAt: BRIDGE_AT,
      serverTime: BRIDGE_AT + 100,
      trunkNum: null,
      trunkName: null,
    });
  });

  it('maps the three call events and the three directions', () => {
    expect(call(dialFrame()).event).toBe('dial');
    expect(call(bridgeFrame()).event).toBe('bridge');
    expect(call(hangupFrame()).event).toBe('hangup');
    expect(call(dialFrame({ lgDirection: 1 })).direction).toBe('internal');
    expect(call(dialFrame({ lgDirection: 2 })).direction).toBe('outgoing');
    expect(call(dialFrame({ lgDirection: 4 })).direction).toBe('incoming');
  });

  it('maps leg.type 1/2/4 and keeps any other type as unknown', () => {
    const typeOf = (type: unknown) => call(dialFrame({ leg: legOf({ type }) })).leg?.type;
    expect(typeOf(1)).toBe('user');
    expect(typeOf(2)).toBe('group');
    expect(typeOf(4)).toBe('scenario');
    expect(typeOf(8)).toBe('unknown');
    expect(typeOf(null)).toBe('unknown');
  });

  it('carries every otherLegs member: id, name, num, companyName, url, priority', () => {
    const [card] = call(dialFrame()).crm;
    expect(card).toEqual({
      id: '29',
      name: 'Олена Коваль',
      number: '+380671234567',
      company: 'ТОВ «Сонях»',
      url: 'https://crm.example.com/contacts/29',
      urlRejected: false,
      priority: 1,
    });
  });

  it('carries a scenario leg without an extension', () => {
    expect(call(dialFrame({ leg: legOf({ type: 4, ext: null, displayName: 'IVR меню' }) })).leg).toEqual({
      id: '120',
      type: 'scenario',
      ext: null,
      displayName: 'IVR меню',
    });
  });
});

describe('decision 1: types drift', () => {
  it('reads numeric strings like numbers in every numeric field', () => {
    const strings = call(
      dialFrame({
        lgDirection: '2',
        leg: legOf({ id: '120', type: '1' }),
        otherLegs: [crmCardOf({ id: 29, priority: '1' })],
        dialAt: String(DIAL_AT),
        serverTime: String(DIAL_AT + 100),
      }),
    );
    const numbers = call(
      dialFrame({ lgDirection: 2, leg: legOf({ id: 120, type: 1 }), otherLegs: [crmCardOf({ id: '29', priority: 1 })] }),
    );
    expect(strings).toEqual(numbers);
    expect(strings.direction).toBe('outgoing');
    expect(strings.crm[0]?.priority).toBe(1);
  });

  it('normalizes ids and extensions to strings', () => {
    const event = call(dialFrame({ uuid: 42, leg: legOf({ id: 7, ext: 911 }), otherLegs: [crmCardOf({ id: 29 })] }));
    expect(event.uuid).toBe('42');
    expect(event.leg).toMatchObject({ id: '7', ext: '911' });
    expect(event.crm[0]?.id).toBe('29');
  });

  it('reads a time below 10^12 as seconds', () => {
    const event = call(dialFrame({ dialAt: 1473973200, bridgeAt: '1473973205', serverTime: 1473973201.5 }));
    expect(event.dialAt).toBe(1473973200000);
    expect(event.bridgeAt).toBe(1473973205000);
    expect(event.serverTime).toBe(1473973201500);
  });

  it('keeps a time of 10^12 or more as milliseconds', () => {
    expect(call(dialFrame({ dialAt: 1e12 })).dialAt).toBe(1e12);
    expect(call(dialFrame({ dialAt: DIAL_AT })).dialAt).toBe(DIAL_AT);
  });

  it('treats an opaque uuid as is, 32 hex digits or dashed', () => {
    expect(call(dialFrame({ uuid: '0123456789abcdef0123456789abcdef' })).uuid).toBe('0123456789abcdef0123456789abcdef');
    expect(call(dialFrame({ uuid: ' 7c0a9a4e-0f4b-4b9e-9a57-1b2f3c4d5e6f ' })).uuid).toBe(
      '7c0a9a4e-0f4b-4b9e-9a57-1b2f3c4d5e6f',
    );
  });

  it('rejects what cannot mean anything, naming the field and the value', () => {
    expect(reason(dialFrame({ uuid: {} }))).toBe('uuid: expected an id (a string or a number), got an object');
    expect(reason(dialFrame({ leg: 'x' }))).toBe('leg: expected an object, got "x"');
    expect(reason(dialFrame({ dialAt: 'yesterday' }))).toBe('dialAt: expected a number, got "yesterday"');
    expect(reason(dialFrame({ otherLegs: 5 }))).toBe('otherLegs: expected an array, got 5');
    expect(reason(dialFrame({ otherLegs: [crmCardOf(), crmCardOf({ priority: 'high' })] }))).toBe(
      'otherLegs[1].priority: expected a number, got "high"',
    );
    expect(reason(dialFrame({ leg: legOf({ type: true }) }))).toBe('leg.type: expected a number, got true');
    expect(reason(dialFrame({ serverTime: 'Infinity' }))).toBe('serverTime: expected a number, got "Infinity"');
    expect(reason(dialFrame({ lgDirection: '0x4' }))).toBe('lgDirection: expected a number, got "0x4"');
  });

  it('rejects a negative or out-of-range time, and reads 0 as "not set"', () => {
    expect(reason(dialFrame({ dialAt: -1 }))).toBe('dialAt: expected a time after 1970, got -1');
    expect(reason(dialFrame({ bridgeAt: 1e300 }))).toMatch(/^bridgeAt: .*beyond any date/);
    expect(call(dialFrame({ bridgeAt: 0 })).bridgeAt).toBeNull();
    // The last instant a JS Date holds is the limit, exactly.
    expect(call(dialFrame({ serverTime: 8.64e15 })).serverTime).toBe(8.64e15);
    expect(reason(dialFrame({ serverTime: 8.64e15 + 1 }))).toMatch(/^serverTime: .*beyond any date/);
  });

  it('rejects a missing uuid or one too long to be an id', () => {
    expect(reason(dialFrame({ uuid: undefined }))).toMatch(/^uuid: missing/);
    expect(reason(dialFrame({ uuid: '  ' }))).toMatch(/^uuid: missing/);
    expect(reason(dialFrame({ uuid: 'a'.repeat(201) }))).toBe('uuid: expected an id of at most 200 characters, got 201');
    expect(call(dialFrame({ uuid: 'a'.repeat(200) })).uuid).toHaveLength(200);
  });

  it('reports every problem count but names the first', () => {
    expect(reason(dialFrame({ uuid: [], dialAt: 'x', leg: 5 }))).toMatch(/^uuid: .* \(and 2 more problems\)$/);
  });
});

describe('decision 2: missing or null members', () => {
  it('treats absent and null alike', () => {
    const absent = call(
      dialFrame({
        parentUuid: undefined,
        leg: undefined,
        leg2: undefined,
        otherLegs: undefined,
        dialAt: undefined,
        bridgeAt: undefined,
        serverTime: undefined,
        trunkNum: undefined,
        trunkName: undefined,
      }),
    );
    const nulls = call(
      dialFrame({
        parentUuid: null,
        leg: null,
        leg2: null,
        otherLegs: null,
        dialAt: null,
        bridgeAt: null,
        serverTime: null,
        trunkNum: null,
        trunkName: null,
      }),
    );
    expect(absent).toEqual(nulls);
    expect(absent).toMatchObject({ leg: null, crm: [], primary: null, dialAt: null, trunkName: null });
  });

  it('gives a leg with no members all-null fields', () => {
    expect(call(dialFrame({ leg: {} })).leg).toEqual({ id: null, type: 'unknown', ext: null, displayName: null });
  });

  it('gives an empty otherLegs no cards and no primary', () => {
    expect(call(dialFrame({ otherLegs: [] }))).toMatchObject({ crm: [], primary: null });
  });

  it('skips null otherLegs elements but rejects any other non-object element', () => {
    expect(call(dialFrame({ otherLegs: [null, crmCardOf()] })).crm).toHaveLength(1);
    expect(reason(dialFrame({ otherLegs: [crmCardOf(), 'x'] }))).toBe('otherLegs[1]: expected an object, got "x"');
    expect(reason(dialFrame({ otherLegs: [[]] }))).toBe('otherLegs[0]: expected an object, got an array');
  });

  it('keeps an unknown client: card with null id, name and company', () => {
    const [card] = call(dialFrame({ otherLegs: [crmCardOf({ id: null, name: null, companyName: null })] })).crm;
    expect(card).toMatchObject({ id: null, name: null, company: null, number: '+380671234567' });
  });

  it('ignores unknown extra keys', () => {
    const event = call(dialFrame({ extra: { deep: true }, leg: legOf({ email: 'a@b.c' }) }));
    expect(event).not.toHaveProperty('extra');
    expect(event.leg).not.toHaveProperty('email');
  });
});

describe('decision 3: several CRMs', () => {
  const cards = [
    crmCardOf({ id: null, name: 'B, unknown client', priority: 2 }),
    crmCardOf({ id: null, name: 'A, unknown client', priority: 1 }),
    crmCardOf({ id: '77', name: 'C, known client', priority: 3 }),
    crmCardOf({ id: '78', name: 'D, no priority', priority: null }),
  ];

  it('orders cards by ascending priority with missing priority last, keeping them all', () => {
    const names = call(dialFrame({ otherLegs: cards })).crm.map((card) => card.name);
    expect(names).toEqual(['A, unknown client', 'B, unknown client', 'C, known client', 'D, no priority']);
  });

  it('makes the first card with a known client primary', () => {
    const event = call(dialFrame({ otherLegs: cards }));
    expect(event.primary).toBe(2);
    expect(event.crm[event.primary ?? -1]?.name).toBe('C, known client');
  });

  it('makes the first card primary when no CRM knows the client, keeping its create-contact link', () => {
    const event = call(
      dialFrame({
        otherLegs: [
          crmCardOf({ id: null, priority: 5, url: 'https://crm.example.com/contacts/new?num=380' }),
          crmCardOf({ id: null, priority: 4, url: 'https://other.example.com/new' }),
        ],
      }),
    );
    expect(event.primary).toBe(0);
    expect(event.crm[0]?.url).toBe('https://other.example.com/new');
  });

  it('keeps up to 100 cards and rejects a frame with more, which no real PBX sends', () => {
    expect(call(dialFrame({ otherLegs: Array.from({ length: 100 }, () => crmCardOf()) })).crm).toHaveLength(100);
    expect(reason(dialFrame({ otherLegs: Array.from({ length: 101 }, () => crmCardOf()) }))).toBe(
      'otherLegs: expected at most 100 CRM cards, got 101',
    );
  });

  it('keeps wire order for equal priorities', () => {
    const names = call(
      dialFrame({ otherLegs: ['1', '2', '3'].map((name) => crmCardOf({ name, priority: 1 })) }),
    ).crm.map((card) => card.name);
    expect(names).toEqual(['1', '2', '3']);
  });

  it('drops an unsafe CRM link and flags it, keeping the card', () => {
    const [card] = call(dialFrame({ otherLegs: [crmCardOf({ url: 'javascript:alert(1)' })] })).crm;
    expect(card).toMatchObject({ url: null, urlRejected: true, name: 'Олена Коваль' });
    const [noUrl] = call(dialFrame({ otherLegs: [crmCardOf({ url: null })] })).crm;
    expect(noUrl).toMatchObject({ url: null, urlRejected: false });
  });

  it('drops and flags a CRM link longer than 4,096 characters, keeps one of exactly that length', () => {
    const link = (length: number) => 'https://crm.example.com/c?' + 'a'.repeat(length - 'https://crm.example.com/c?'.length);
    const [longest] = call(dialFrame({ otherLegs: [crmCardOf({ url: link(4096) })] })).crm;
    expect(longest).toMatchObject({ url: link(4096), urlRejected: false });
    const [tooLong] = call(dialFrame({ otherLegs: [crmCardOf({ url: link(4097) })] })).crm;
    expect(tooLong).toMatchObject({ url: null, urlRejected: true });
  });
});

describe('decision 4: pause / available', () => {
  it('turns lgDirection 32 into away and 64 into available', () => {
    expect(normalize(presenceFrame('away'))).toEqual({
      kind: 'presence',
      presence: 'away',
      serverTime: DIAL_AT,
      leg: { id: '120', type: 'user', ext: '911', displayName: 'Support Vega' },
    });
    expect(normalize(presenceFrame('available', { leg: undefined, serverTime: undefined }))).toEqual({
      kind: 'presence',
      presence: 'available',
      serverTime: null,
      leg: null,
    });
  });

  it('is presence whatever the event says, even call.dial or error', () => {
    for (const event of ['call.dial', 'call.hangup', 'error', 'whatever', undefined, 5]) {
      expect(normalize(dialFrame({ event, lgDirection: '32' }))).toMatchObject({ kind: 'presence', presence: 'away' });
    }
  });

  it('rejects a presence frame whose leg cannot mean anything', () => {
    expect(reason(presenceFrame('away', { leg: 3 }))).toBe('leg: expected an object, got 3');
  });
});

describe('decision 5: unknown values', () => {
  it('rejects an unknown event, naming it', () => {
    expect(reason(dialFrame({ event: 'call.transfer' }))).toMatch(/^unknown event "call.transfer"/);
    expect(reason(dialFrame({ event: undefined }))).toBe('event: missing');
    expect(reason(dialFrame({ event: 7 }))).toBe('event: expected a string, got 7');
  });

  it('rejects an unknown lgDirection, naming the value, so it never pops', () => {
    expect(reason(dialFrame({ lgDirection: 8 }))).toMatch(/^lgDirection: unknown direction 8\b/);
    expect(reason(dialFrame({ lgDirection: 'abc' }))).toBe('lgDirection: expected a number, got "abc"');
    expect(reason(dialFrame({ lgDirection: undefined }))).toMatch(/^lgDirection: missing/);
  });
});

describe('decision 6: clock', () => {
  it('carries serverTime as epoch ms for the offset estimate, also on error events', () => {
    expect(call(dialFrame({ serverTime: '1473973201000' })).serverTime).toBe(1473973201000);
    expect(normalize(errorFrame({ serverTime: 1473973201 }))).toMatchObject({ serverTime: 1473973201000 });
  });
});

describe('decisions 7–9: what call-state needs from normalization', () => {
  it('carries bridgeAt null on a hangup of a never-answered call (missed)', () => {
    expect(call(hangupFrame({ bridgeAt: null }))).toMatchObject({ event: 'hangup', bridgeAt: null });
  });

  it('normalizes the same frame twice to equal events (duplicates are detectable)', () => {
    expect(normalize(hangupFrame())).toEqual(normalize(hangupFrame()));
  });

  it('carries parentUuid so a member call links to its group call', () => {
    expect(call(dialFrame({ uuid: 'member', parentUuid: 'group' })).parentUuid).toBe('group');
    expect(call(dialFrame({ parentUuid: '' })).parentUuid).toBeNull();
  });
});

describe('error events', () => {
  it('summarizes the usual fields', () => {
    expect(normalize(errorFrame())).toEqual({ kind: 'error', message: 'Invalid API key (code 401)', serverTime: DIAL_AT });
    expect(normalize({ event: 'error', error: { code: 'E1', description: 'Quota exceeded' } })).toMatchObject({
      message: 'Quota exceeded (code E1)',
    });
  });

  it('falls back to the compact JSON of the frame, trimmed to 500 characters', () => {
    const plain = normalize({ event: 'error', detail: 'x' });
    expect(plain).toEqual({ kind: 'error', message: '{"event":"error","detail":"x"}', serverTime: null });
    const long = normalize({ event: 'error', detail: 'y'.repeat(2000) });
    expect(long.kind === 'error' && long.message.length).toBe(500);
    expect(long.kind === 'error' && long.message.endsWith('…')).toBe(true);
  });

  it('keeps the error even when its serverTime is garbage', () => {
    expect(normalize(errorFrame({ serverTime: 'soon' }))).toMatchObject({ kind: 'error', serverTime: null });
  });

  it('cleans invisible characters out of the message', () => {
    expect(normalize(errorFrame({ message: 'bad\u202e key\n\tnow', code: undefined }))).toMatchObject({
      message: 'bad key now',
    });
  });
});
