// The latency bench's floor (issue 17): an extension that does nothing but receive the PBX frame,
// parse it with JSON.parse and create a notification with the same title, message and icon as
// CallPop's (a "Client N" card: the first contact's name; its company and number). Built into a
// scratch folder by tools/bench/reference-extension.ts, loaded beside CallPop, never shipped.
const ICON = chrome.runtime.getURL('icon-128.png');
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
  await chrome.notifications.create(id, { type: 'basic', iconUrl: ICON, title, message });
  timings.push({ kind: 'pop', call: frame.uuid, at: now() });
}

async function connect(first) {
  const config = await (await fetch(chrome.runtime.getURL('config.json'))).json();
  // Firefox: the bench reads this event page's timings through a page of the extension.
  if (first && config.openTimingsPage) void chrome.tabs.create({ url: chrome.runtime.getURL('timings.html') });
  const socket = new WebSocket(config.url);
  socket.onmessage = (event) => void onFrame(event.data);
  socket.onclose = () => setTimeout(() => void connect(false), 500);
}

void connect(true);
