// Frames for the call-back scenario (issue 18): one caller who rings, is missed, rings again,
// is missed again, and is called back — written with their number two different ways.
import { callFrame, userParty, type WireContact } from '../../../tools/simulator/frames';
import { AGENT_EXT } from './extension-setup';

export const CALLER_NAME = 'Олена Кравченко';
export const CALLER_KEY = '+380671234567';
const AGENT = userParty(1001, AGENT_EXT, 'Іван Петренко');

function contact(num: string): WireContact {
  return { id: '29', name: CALLER_NAME, num, companyName: 'ТОВ «Сонях»', url: 'https://crm.example.com/contacts/29', priority: 1 };
}

// `serverTime` is when the frame is sent (the PBX's clock now, which the extension follows);
// `at` is when the call started, which may be earlier.

/** dial → hangup, never answered. */
export function missedCall(uuid: string, at: number, num: string): string[] {
  const base = { uuid, lgDirection: 4 as const, leg: AGENT, otherLegs: [contact(num)], dialAt: at, trunkNum: '443334455', trunkName: 'Київ' };
  return [callFrame({ ...base, event: 'call.dial', serverTime: Date.now() }), callFrame({ ...base, event: 'call.hangup', bridgeAt: null, serverTime: Date.now() })];
}

/** The caller rings (dial only): for the pop and the live card. */
export function ringingCall(uuid: string, at: number, num: string): string[] {
  return [callFrame({ event: 'call.dial', uuid, lgDirection: 4, leg: AGENT, otherLegs: [contact(num)], dialAt: at, serverTime: Date.now() })];
}

/** The agent's call to the number: dial, answered, hung up. */
export function answeredCallBack(uuid: string, at: number, num: string): string[] {
  const base = { uuid, lgDirection: 2 as const, leg: AGENT, otherLegs: [contact(num)], dialAt: at, trunkNum: '443334455', trunkName: 'Київ' };
  return [
    callFrame({ ...base, event: 'call.dial', serverTime: Date.now() }),
    callFrame({ ...base, event: 'call.bridge', bridgeAt: at + 4_000, serverTime: Date.now() }),
    callFrame({ ...base, event: 'call.hangup', bridgeAt: at + 4_000, serverTime: Date.now() }),
  ];
}
