// A port of Go's text/tabwriter (space padding, no flags), which is what kubectl uses
// for `get` tables (minwidth 6, padding 3) and `describe` output (minwidth 0,
// padding 2). Cells are tab-terminated; the text after the last tab of a line is not
// part of any column. A column block is a run of consecutive lines that all have a
// cell in that column, so alignment restarts after a line with fewer cells — the
// behaviour `describe` relies on.

interface Cell {
  text: string;
  width: number;
}

/** Width in runes, as Go's tabwriter counts it. */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private lines: Cell[][] = [];
  private pending = '';
  private out = '';
  private widths: number[] = [];

  constructor(
    private readonly minWidth: number,
    private readonly padding: number,
  ) {}

  /** Buffer text; lines end at '\n', cells at '\t'. */
  write(text: string): void {
    this.pending += text;
    let nl = this.pending.indexOf('\n');
    while (nl >= 0) {
      this.addLine(this.pending.slice(0, nl));
      this.pending = this.pending.slice(nl + 1);
      nl = this.pending.indexOf('\n');
    }
  }

  private addLine(line: string): void {
    this.lines.push(line.split('\t').map((text) => ({ text, width: runeWidth(text) })));
  }

  /** Format everything buffered so far (Go's Writer.Flush). */
  flush(): void {
    const partial = this.pending;
    this.pending = '';
    const hasPartial = partial !== '';
    if (hasPartial) this.addLine(partial);
    this.widths = [];
    this.format(0, this.lines.length);
    if (hasPartial && this.out.endsWith('\n')) this.out = this.out.slice(0, -1);
    this.lines = [];
  }

  /** Flush and return all output produced so far. */
  result(): string {
    this.flush();
    return this.out;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] ?? [];
      if (column >= line.length - 1) continue;
      this.writeLines(start, i);
      start = i;
      let width = this.minWidth;
      for (; i < line1; i++) {
        const l = this.lines[i] ?? [];
        if (column >= l.length - 1) break;
        const w = (l[column]?.width ?? 0) + this.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(start, i);
      this.widths.pop();
      start = i;
      i--;
    }
    this.writeLines(start, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] ?? [];
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        const w = this.widths[j];
        if (j < line.length - 1 && w !== undefined) s += ' '.repeat(Math.max(0, w - c.width));
      });
      this.out += s + '\n';
    }
  }
}

/** Render rows of cells the way kubectl's table printer does (tabwriter 6/3). */
export function renderTable(rows: string[][]): string {
  const tw = new TabWriter(6, 3);
  for (const r of rows) tw.write(r.join('\t') + '\n');
  return tw.result();
}
