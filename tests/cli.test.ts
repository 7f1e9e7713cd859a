import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as users run it (compiled by `npm test` before vitest starts).
const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/src/cli/main.js', ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'vanban-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bad input gets one line naming the file and the reason', () => {
  const cases: [string, RegExp][] = [
    ['fixtures/bad/corrupt-truncated.pdf', /damaged PDF/],
    ['fixtures/bad/corrupt-truncated.docx', /damaged Word file|not a readable Word/],
    ['fixtures/bad/empty-0-bytes.pdf', /empty file/],
    ['fixtures/bad/encrypted-user-password.pdf', /encrypted PDF.*password/],
    ['fixtures/bad/scanned-no-text-layer.pdf', /scanned PDF without a text layer: OCR it first/],
    ['fixtures/does-not-exist.pdf', /no such file/],
  ];
  for (const [file, reason] of cases) {
    it(file, () => {
      const r = cli('extract', file, '--json');
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`${file}: `)).toBe(true);
      expect(lines[0]).toMatch(reason);
    });
  }
  it('a file whose extension lies is read by its content, with a warning', () => {
    const r = cli('extract', 'fixtures/bad/fake-renamed-txt.pdf', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.format).toBe('txt');
    expect(r.stderr).toMatch(/fake-renamed-txt\.pdf: warning: named \.pdf but the content is plain text/);
  });
  it('an owner-password PDF is read, with a warning', () => {
    const r = cli('extract', 'fixtures/bad/encrypted-owner-only-no-user-password.pdf', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).document.title).toMatch(/chất lượng dân số/);
  });
  it('the password opens an encrypted PDF', () => {
    const r = cli('extract', 'fixtures/bad/encrypted-user-password.pdf', '--password', 'matkhau123', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).sections.length).toBeGreaterThan(20);
  });
  it('ingest goes on after failures, records them and exits 1', () => {
    const db = join(tmp, 'bad.db');
    const r = cli('ingest', 'fixtures/bad', 'corpus/cv-hai-phong-2024-trien-khai-ct27.txt', '--db', db, '--jobs', '1');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/fixtures\/bad\/scanned-no-text-layer\.pdf: scanned PDF without a text layer/);
    expect(r.stderr).toMatch(/9 files: 4 new, 0 replaced, 0 unchanged, 5 failed/);
  });
});

describe('command line', () => {
  it('exits 2 with the usage on a usage error', () => {
    const r = cli('extract');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Usage: vanban extract FILE/);
    expect(cli('frobnicate').status).toBe(2);
    expect(cli('ingest', '--jobs', 'many').stderr).toMatch(/--jobs takes a whole number/);
  });
  it('--help explains every command', () => {
    const main = cli('--help');
    expect(main.status).toBe(0);
    const commands = [...main.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['ingest', 'extract', 'show', 'search']));
    for (const c of commands) {
      const r = cli(c, '--help');
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`^vanban ${c} — [\\s\\S]*Usage: vanban ${c}`));
    }
  });
  it('extract --text prints the normalised text the JSON offsets point into', () => {
    const file = 'corpus/kh-long-bien-2024-thuc-hien-ct11.txt';
    const text = cli('extract', file, '--text').stdout.replace(/\n$/, '');
    const json = JSON.parse(cli('extract', file, '--json').stdout);
    expect(json.schema).toBe('vanban.extract/1');
    const s = json.sections.find((x: { id: string }) => x.id === 'III.2');
    expect(text.slice(s.start, s.end)).toMatch(/^2\. Phòng Y tế\n- Tham mưu UBND quận/);
  });
});
