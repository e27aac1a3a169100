// The latency bench's floor (issue 17): an extension that does nothing but receive the PBX frame,
// parse it with JSON.parse and create a notification with the same title, message and icon as
// CallPop's (a "Client N" card: the first contact's name; its company and number). Built into a
// scratch folder by tools/bench/reference-extension.ts, loaded beside CallPop, never shipped.
//
// To attribute the gap (BENCH_REFERENCE_MODE, docs/performance.md "1. Ring-to-pop"), the bench
// can make it go further toward CallPop: 'options' creates CallPop's exact notification for this
// browser (Chrome: two buttons, the line as context, requireInteraction, priority 2; Firefox:
// the line in the body, priority 2), and 'options+record' also awaits a small storage.session
// write before the create, like CallPop's shown record. The default, 'plain', is the floor.
const ICON = chrome.runtime.getURL('icon-128.png');
let config = { mode: 'plain', browser: 'chrome' };
/** Read by the bench from this worker: when each call.dial arrived and when its pop existed. */
const timings = [];
globalThis.referenceTimings = timings;

const now = () => performance.timeOrigin + performance.now();

async function onFrame(data) {
  const arrivedAt = now();
  const frame = JSON.parse(data);
  const id = `call:${frame.uuid}`;
  if (frame.event === 'call.hangup') {
    await chrome.notifications.clear(id);
    return;
  }
  if (frame.event !== 'call.dial') return;
  const contact = (frame.otherLegs ?? [])[0] ?? {};
  const title = contact.name ?? 'Unknown caller';
  const message = [contact.companyName, contact.num].filter(Boolean).join(' · ') || title;
  timings.push({ kind: 'arrival', call: frame.uuid, at: arrivedAt });
  if (config.mode === 'options+record') await chrome.storage.session.set({ shown: { shown: { [id]: { kind: 'incoming', call: frame.uuid } }, autoOpened: [] } });
  await chrome.notifications.create(id, config.mode === 'plain' ? { type: 'basic', iconUrl: ICON, title, message } : asCallPop(title, message, frame.trunkName ?? ''));
  timings.push({ kind: 'pop', call: frame.uuid, at: now() });
}

/** CallPop's options for the bench's incoming call, as notifications-adapter.ts builds them in each browser. */
function asCallPop(title, message, line) {
  const options = { type: 'basic', iconUrl: ICON, title, message, priority: 2 };
  if (config.browser === 'firefox') return { ...options, message: [message, line].filter(Boolean).join(' · ') };
  return { ...options, contextMessage: line, requireInteraction: true, buttons: [{ title: 'Open in CRM' }, { title: 'Copy number' }] };
}

async function connect(first) {
  config = await (await fetch(chrome.runtime.getURL('config.json'))).json();
  // Firefox: the bench reads this event page's timings through a page of the extension.
  if (first && config.openTimingsPage) void chrome.tabs.create({ url: chrome.runtime.getURL('timings.html') });
  const socket = new WebSocket(config.url);
  socket.onmessage = (event) => void onFrame(event.data);
  socket.onclose = () => setTimeout(() => void connect(false), 500);
}

void connect(true);
