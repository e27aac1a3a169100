// What the layout check looks at: a popup with presence, a ringing caller known to three CRMs,
// history from today, earlier this year and last year, and the options page of the same
// connected browser. The long-text variant swaps in the longest string of every key and a
// CRM name and company of 60 characters without a space (issue 22).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScenarioFile, type ScenarioLine } from '../../../tools/simulator/simulator';

export const POPUP_VIEWPORT = { width: 380, height: 600 };
export const OPTIONS_VIEWPORT = { width: 800, height: 900 };
/** 60 characters, no space: a CRM that stores a whole legal name in one token. */
export const LONG_NAME = 'Гнатюкзлуцькапостачаннязапчастинтасервісногообслуговуванняяя';
export const LONG_COMPANY = 'ТовариствоЗОбмеженоюВідповідальністюАгроцентрПлюсЛогістикаUA';

type Entry = { message: string; description?: string; placeholders?: Record<string, unknown> };
type Catalog = Record<string, Entry>;
const readCatalog = (dist: string, lang: string): Catalog => JSON.parse(readFileSync(join(dist, '_locales', lang, 'messages.json'), 'utf8')) as Catalog;

/** Every key with its longest translation in any catalog: the worst case of every string at once. */
export function longestCatalog(dist: string): Catalog {
  const catalogs = ['en', 'uk'].map((lang) => readCatalog(dist, lang));
  const out: Catalog = {};
  for (const catalog of catalogs) {
    for (const [key, entry] of Object.entries(catalog)) {
      if (!out[key] || entry.message.length > out[key].message.length) out[key] = entry;
    }
  }
  return out;
}

/** A copy of the build whose every catalog is the longest one; the caller removes it. */
export function distWithLongestStrings(dist: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'callpop-long-'));
  cpSync(dist, copy, { recursive: true });
  const catalog = JSON.stringify(longestCatalog(dist));
  for (const lang of ['en', 'uk']) writeFileSync(join(copy, '_locales', lang, 'messages.json'), catalog);
  return copy;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

const SCENARIOS = 'tests/fixtures/scenarios';

type Frame = Record<string, unknown> & { otherLegs?: Array<{ name: string | null; companyName: string | null }> };

function editFrames(lines: ScenarioLine[], edit: (frame: Frame) => void): ScenarioLine[] {
  return lines.map((line) => {
    const frame = JSON.parse(line.frame) as Frame;
    edit(frame);
    return { delayMs: 50, frame: JSON.stringify(frame) };
  });
}

const withLongNames = (frame: Frame) => {
  for (const leg of frame.otherLegs ?? []) {
    leg.name = LONG_NAME;
    leg.companyName = LONG_COMPANY;
  }
};

/** A scenario's call moved to start at `at` (PBX times as the wire has them, number or string), under a new uuid. */
function callAt(file: string, at: number, uuid: string, long: boolean): ScenarioLine[] {
  const lines = readScenarioFile(`${SCENARIOS}/${file}.jsonl`);
  const first = Number((JSON.parse(lines[0]!.frame) as Frame).dialAt);
  return editFrames(lines, (frame) => {
    for (const key of ['dialAt', 'bridgeAt', 'serverTime']) {
      const value = frame[key];
      if (value === null || value === undefined) continue;
      const moved = Number(value) - first + at;
      frame[key] = typeof value === 'string' ? String(moved) : moved;
    }
    frame.uuid = uuid;
    if (long) withLongNames(frame);
  });
}

/**
 * Ended calls from last year and from earlier this year, as the PBX would send them (played
 * with their own times). Played before `sceneParts`, whose today-times set the clock offset back.
 */
export function olderCallFrames(now: number, long: boolean): ScenarioLine[] {
  const year = new Date(now).getFullYear();
  return [
    ...callAt('incoming-missed', now - 400 * 86_400_000, 'a1a1a1a1-0000-4000-8000-000000000001', long),
    ...callAt('incoming-answered', new Date(year, 0, 2, 9, 5).getTime(), 'a1a1a1a1-0000-4000-8000-000000000002', long),
  ];
}

/** Today, one part per scenario (each played with its times moved to now): the agent back from a pause, a call not answered, a caller ringing known to three CRMs. */
export function sceneParts(long: boolean): ScenarioLine[][] {
  const parts = [
    readScenarioFile(`${SCENARIOS}/pause-available.jsonl`),
    readScenarioFile(`${SCENARIOS}/outgoing-unanswered.jsonl`),
    readScenarioFile(`${SCENARIOS}/several-crms.jsonl`).slice(0, 1),
  ];
  return parts.map((lines) => editFrames(lines, (frame) => (long ? withLongNames(frame) : undefined)));
}
