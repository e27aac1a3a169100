// Chrome's offscreen document for the ring sound: a service worker has no Audio, so the background
// opens this page while a call rings and closes it to stop. It plays from the moment it loads.
// https://developer.chrome.com/docs/extensions/reference/api/offscreen
const audio = new Audio('/sounds/ring.wav');
audio.loop = true;
audio.play().catch((error: unknown) => {
  // No audio device (a headless CI machine) or a blocked autoplay: nothing to do but say so.
  console.warn('CallPop: ring sound failed', error instanceof Error ? error.message : String(error));
});
