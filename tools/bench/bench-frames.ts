// Incoming calls with two CRM cards each, one uuid per index: the shape a busy agent sees most.
import { callFrame, knownContact, userParty, type WireCallEvent } from '../simulator/frames';

const AGENT = userParty(1001, '101', 'Іван Петренко');

export function benchUuid(index: number): string {
  return `bench-${index.toString(16).padStart(8, '0')}-0000-4000-a000-000000000000`;
}

export function incomingFrame(event: WireCallEvent, index: number, at: number): string {
  const num = `+38067${String(1_000_000 + index).slice(-7)}`;
  return callFrame({
    event,
    uuid: benchUuid(index),
    lgDirection: 4,
    leg: AGENT,
    otherLegs: [
      knownContact({ id: index, name: `Client ${index}`, num, companyName: 'ТОВ Ромашка', priority: 1, crmBase: 'https://crm.example.com' }),
      knownContact({ id: `c${index}`, name: `Client ${index}`, num, companyName: null, priority: 2, crmBase: 'https://sales.example.org' }),
    ],
    dialAt: at,
    bridgeAt: event === 'call.dial' ? null : at + 5_000,
    serverTime: at,
    trunkNum: '+380443334455',
    trunkName: 'Main line',
  });
}
