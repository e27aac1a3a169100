// Writes public/sounds/ring.wav: a soft two-burst ring (two mixed sine tones, as desk phones do),
// generated here so the repo ships no third-party audio. Run once: `npx tsx tools/build/make-ring-sound.ts`.
// 8 kHz, 8-bit mono PCM keeps it about 16 KB; it loops, so the file ends with the pause between rings.
import { mkdirSync, writeFileSync } from 'node:fs';

const RATE = 8000;
const TONES_HZ = [440, 480];
/** [start, end] of each burst in seconds; the file is 2 s long. */
const BURSTS: Array<[number, number]> = [
  [0, 0.4],
  [0.6, 1.0],
];
const LENGTH_S = 2;
const FADE_S = 0.01; // no clicks at the burst edges
const VOLUME = 0.35; // a notification, not an alarm

export function ringSamples(): Uint8Array {
  const samples = new Uint8Array(Math.round(RATE * LENGTH_S)).fill(128);
  for (const [start, end] of BURSTS) {
    for (let i = Math.round(start * RATE); i < Math.round(end * RATE); i++) {
      const t = i / RATE;
      const envelope = Math.min(1, (t - start) / FADE_S, (end - t) / FADE_S);
      const mixed = TONES_HZ.reduce((sum, hz) => sum + Math.sin(2 * Math.PI * hz * t), 0) / TONES_HZ.length;
      samples[i] = Math.round(128 + 127 * VOLUME * envelope * mixed);
    }
  }
  return samples;
}

export function wavFile(samples: Uint8Array): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE, 28); // bytes per second: 1 channel × 1 byte
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, Buffer.from(samples)]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('public/sounds', { recursive: true });
  writeFileSync('public/sounds/ring.wav', wavFile(ringSamples()));
  console.log('wrote public/sounds/ring.wav');
}
