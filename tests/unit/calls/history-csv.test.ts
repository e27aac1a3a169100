import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, card, configWith, T0 } from './call-events';
import { runEvents } from './run-events';
import { guardFormula, historyCsv, quoteCell } from '../../../src/calls/history-csv';

/** A minimal RFC 4180 reader, to prove what a spreadsheet gets back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const history = () =>
  runEvents(
    [
      call('dial', { uuid: 'a', crm: [card({ name: 'Олена Кравченко', company: 'ТОВ «Вітер», Київ', number: '+380671234567' })] }),
      call('bridge', { uuid: 'a', crm: [card({ name: 'Олена Кравченко', company: 'ТОВ «Вітер», Київ', number: '+380671234567' })] }),
      call('hangup', { uuid: 'a', crm: [card({ name: 'Олена Кравченко', company: 'ТОВ «Вітер», Київ', number: '+380671234567' })] }),
      call('dial', { uuid: 'b', crm: [card({ name: '=HYPERLINK("http://evil.example","x")', company: '@SUM(1)', number: '+380501112233' })] }),
      call('hangup', { uuid: 'b', bridgeAt: null, crm: [card({ name: '=HYPERLINK("http://evil.example","x")', company: '@SUM(1)', number: '+380501112233' })] }),
    ],
    configWith(),
  ).state.history;

describe('history CSV', () => {
  it('starts with a UTF-8 BOM and the header, rows end in CRLF', () => {
    const csv = historyCsv(history());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('time,direction,outcome,duration,name,company,number,crm_link,note');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per call, oldest first, with Ukrainian text intact and quoted commas', () => {
    const rows = parseCsv(historyCsv(history()).slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([new Date(T0).toISOString(), 'incoming', 'answered', '55', 'Олена Кравченко', 'ТОВ «Вітер», Київ', '+380671234567', 'https://crm.example.com/contacts/29', '']);
    expect(rows[2]!.slice(1, 4)).toEqual(['incoming', 'missed', '']);
  });

  it('neutralizes formula cells with an apostrophe but keeps phone numbers as they are', () => {
    const row = parseCsv(historyCsv(history()).slice(1))[2]!;
    expect(row[4]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(row[5]).toBe("'@SUM(1)");
    expect(row[6]).toBe('+380501112233');
    expect(guardFormula('+380 (56) 777-77-77')).toBe('+380 (56) 777-77-77');
    expect(guardFormula('+cmd|/C calc!A0')).toBe("'+cmd|/C calc!A0");
    expect(guardFormula('-2+3')).toBe("'-2+3");
    expect(guardFormula('\t=1')).toBe("'\t=1");
  });

  it('uses the time format it is given', () => {
    const rows = parseCsv(historyCsv(history(), { formatTime: (ms) => `t${ms}` }).slice(1));
    expect(rows[1]![0]).toBe(`t${T0}`);
  });

  it('any cell text round-trips through RFC 4180 quoting (after the formula guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const line = cells.map((c) => quoteCell(guardFormula(c))).join(',') + '\r\n';
        const parsed = parseCsv(line)[0]!;
        expect(parsed).toEqual(cells.map(guardFormula));
        for (const cell of parsed) expect(/^[=+\-@\t\r]/.test(cell) && !/^\+?\d[\d ()-]*$/.test(cell)).toBe(false);
      }),
    );
  });
});
