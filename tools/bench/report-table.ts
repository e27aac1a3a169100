// The printed table: one row per figure, median with min–max, and the target where there is one.

export interface Row {
  group: string;
  figure: string;
  value: string;
  target?: string;
}

export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

export function fmtSpread(s: { median: number; min: number; max: number }, unit = '', digits = 1): string {
  return `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function printTable(rows: readonly Row[]): void {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [r.group, r.figure, r.value][i]!.length)));
  for (const r of rows) {
    const cells = [r.group.padEnd(widths[0]!), r.figure.padEnd(widths[1]!), r.value.padEnd(widths[2]!)];
    console.log(`${cells.join('  ')}  ${r.target ?? ''}`.trimEnd());
  }
}
