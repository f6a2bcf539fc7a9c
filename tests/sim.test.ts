// The headless sim's contract (`npm run --silent sim`), exercised as a subprocess the way tools use it.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const SIM = join(import.meta.dirname, '..', 'src', 'headless', 'sim.ts');

function sim(input: string, args: string[] = []) {
  const result = spawnSync(process.execPath, ['--no-warnings', SIM, ...args], { input, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function records(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// Each case starts Node on the whole engine from source, which takes seconds on a busy machine.
describe('sim', { timeout: 60_000 }, () => {
  test('by default prints stdout and stderr as a terminal would, on their own streams', () => {
    const result = sim('echo hello\ndocker run\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('hello\n');
    expect(result.stderr).toContain("docker: 'docker run' requires at least 1 argument");
  });

  test('--json prints one object per command with command, stdout, stderr and exitCode', () => {
    const out = records(sim('echo hi\nnosuchcommand\n', ['--json']).stdout);
    expect(out).toEqual([
      { command: 'echo hi', stdout: 'hi\n', stderr: '', exitCode: 0 },
      { command: 'nosuchcommand', stdout: '', stderr: 'bash: nosuchcommand: command not found\n', exitCode: 127 },
    ]);
  });

  test('a heredoc spanning several input lines is one command', () => {
    const out = records(sim("cat > notes.txt <<'EOF'\nline one\nEOF\ncat notes.txt\n", ['--json']).stdout);
    expect(out.map((record) => record.command)).toEqual(["cat > notes.txt <<'EOF'\nline one\nEOF", 'cat notes.txt']);
    expect(out[1].stdout).toBe('line one\n');
  });

  test('--tty adds the finished screen, with pull progress redraws applied', () => {
    const out = records(sim('docker pull hello-world\n', ['--json', '--tty']).stdout);
    const screen = String(out[0].screen);
    expect(out[0].exitCode).toBe(0);
    expect(screen).toContain('Pull complete');
    expect(screen).not.toContain('Downloading');
    expect(screen).not.toContain('\x1b');
    expect(String(out[0].stdout)).toContain('\x1b[');
  });

  test('--columns sets the terminal width the screen wraps at', () => {
    const line = 'x'.repeat(30);
    const out = records(sim(`echo ${line}\n`, ['--json', '--tty', '--columns', '20']).stdout);
    expect(out[0].screen).toBe(`${'x'.repeat(20)}\n${'x'.repeat(10)}\n`);
  });

  test('--seed fixes generated ids: the same seed repeats them, another changes them', () => {
    const input = 'docker run -d nginx\n';
    const first = records(sim(input, ['--json', '--seed', '7']).stdout)[0].stdout;
    const again = records(sim(input, ['--json', '--seed', '7']).stdout)[0].stdout;
    const other = records(sim(input, ['--json', '--seed', '8']).stdout)[0].stdout;
    expect(first).toMatch(/^[0-9a-f]{64}\n$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  test('a following command (attached container) ends as if interrupted, so the script ends', () => {
    const out = records(sim('docker run nginx\necho after\n', ['--json']).stdout);
    expect(out).toHaveLength(2);
    expect(String(out[0].stderr)).toContain('signal 2 (SIGINT) received');
    expect(out[1]).toMatchObject({ stdout: 'after\n', exitCode: 0 });
  });

  test('a blank line answers a waiting question (with its default) instead of being skipped', () => {
    const out = records(sim('docker create --name box alpine\ndocker container prune\n\ndocker ps -aq | wc -l\n', ['--json']).stdout);
    expect(out.map((record) => record.command)).toEqual(['docker create --name box alpine', 'docker container prune', '', 'docker ps -aq | wc -l']);
    expect(String(out[1].stdout)).toContain('[y/N] ');
    expect(out[3].stdout).toBe('1\n');
  });

  test('rejects an unknown option with exit 2', () => {
    const result = sim('', ['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --bogus');
  });
});
