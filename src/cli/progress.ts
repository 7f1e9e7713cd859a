/**
 * Progress for long runs: a one-line bar redrawn on a terminal, plain lines otherwise (logs, CI),
 * always on stderr so stdout stays clean for data.
 */
export class Progress {
  private readonly tty = !!process.stderr.isTTY;
  private last = 0;
  private width = 0;

  constructor(private readonly label: string) {}

  /** Redraw the bar (TTY only, at most ~10 times a second). */
  update(done: number, total: number | null, current: string): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && done !== total) return;
    this.last = now;
    const cols = process.stderr.columns || 80;
    const count = total ? `${done}/${total}` : `${done}`;
    let bar = '';
    if (total) {
      const w = 20;
      const filled = Math.round((done / total) * w);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(w - filled)}] `;
    }
    let line = `${this.label} ${bar}${count} ${current}`;
    if (line.length > cols - 1) line = line.slice(0, cols - 2) + '…';
    process.stderr.write(`\r${line.padEnd(this.width)}`);
    this.width = line.length;
  }

  /** A line that must stay (a failure, a warning): clears the bar first on a TTY. */
  line(s: string): void {
    if (this.tty && this.width) {
      process.stderr.write(`\r${' '.repeat(this.width)}\r`);
      this.width = 0;
    }
    process.stderr.write(s + '\n');
  }

  /** A per-item line: shown only when not on a TTY (the bar shows it otherwise). */
  plain(s: string): void {
    if (!this.tty) process.stderr.write(s + '\n');
  }

  end(): void {
    if (this.tty && this.width) process.stderr.write(`\r${' '.repeat(this.width)}\r`);
    this.width = 0;
  }
}
