// Filtering recent calls as the agent types: a name, a company, part of a number (however it is
// written: "067 123" finds +380671234567), or words of a note. Pure and allocation-light: with
// 5,000 calls it runs on every keystroke.
import type { CallRecord } from '../calls/types';
import type { Conversation } from './conversations';

/** The conversation's note: on its own record, else on the newest member that has one. */
export function noteOf(conversation: Conversation): string {
  const { main, members } = conversation;
  if (main.note) return main.note;
  for (let i = members.length - 1; i >= 0; i--) {
    const note = members[i]?.note;
    if (note) return note;
  }
  return '';
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function textMatches(record: CallRecord, words: readonly string[], locale: (text: string) => string): boolean {
  const { name, company } = record.caller;
  const haystack = locale(`${name ?? ''} ${company ?? ''} ${record.note ?? ''}`);
  return words.every((word) => haystack.includes(word));
}

/**
 * A predicate for `query`: every word must appear in the name, company or note; a query made of
 * digits and separators matches numbers by their digits, with the trunk `0` of a national number
 * ignored ("0671" finds "+380671…").
 */
export function conversationMatcher(query: string): (conversation: Conversation) => boolean {
  const trimmed = query.trim();
  if (trimmed === '') return () => true;
  const locale = (text: string) => text.toLocaleLowerCase();
  const digits = digitsOf(trimmed);
  const numeric = digits.length > 0 && /^[\d\s()+.-]+$/.test(trimmed);
  const needle = numeric ? digits.replace(/^0+/, '') || digits : '';
  const words = locale(trimmed).split(/\s+/);
  return (conversation) => {
    const records = [conversation.main, ...conversation.members];
    if (numeric) return records.some((record) => record.caller.number !== null && digitsOf(record.caller.number).includes(needle));
    return records.some((record) => textMatches(record, words, locale));
  };
}
