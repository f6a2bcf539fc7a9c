// Hostile and random input never throws, never hangs, and always ends with an integer exit status.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isComplete } from '../../src/engine/shell/run.ts';
import { makeShell } from './helpers.ts';

const SHELL_PIECES = [
  'echo', 'cat', 'ls', 'grep x', 'wc -l', 'yes', 'seq 3', 'cd', 'export A=1', 'exit', 'sleep 0', 'docker', 'foo',
  ' ', ' ', ' ', '\n', ';', '&', '&&', '||', '|', '!', '(', ')', '{', '}', '$(', '`', "'", '"', '\\', '#',
  '<', '>', '>>', '2>&1', '&>', '<<EOF', '<<-X', 'EOF', '<<<', '$', '$?', '${', '${A:-', '}', '$((', '))', '~', '*', '?',
  '[', ']', 'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'x=1', 'A', '$A', '{a,b}', '{1..3}',
  '\t', '\r', '\x00', '\x1b[2J', 'é', '😀',
];

const shellLine = fc.array(fc.constantFrom(...SHELL_PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

function checkRuns(source: string): void {
  const shell = makeShell({ programs: { docker: (ctx, argv) => (ctx.out.stdout(`${argv.length}\n`), 0) } });
  const result = shell.run(source);
  expect(Number.isInteger(result.exitCode)).toBe(true);
  expect(result.exitCode).toBeGreaterThanOrEqual(0);
  expect(result.exitCode).toBeLessThanOrEqual(255);
  expect(typeof isComplete(source)).toBe('boolean');
}

describe('random input', () => {
  it('shell-like lines never throw and give an exit status from 0 to 255', () => {
    fc.assert(fc.property(shellLine, (source) => checkRuns(source)), { numRuns: 400 });
  });

  it('arbitrary text never throws', () => {
    fc.assert(fc.property(anyText, (source) => checkRuns(source)), { numRuns: 300 });
  });
});

describe('hostile input', () => {
  it('echoes a megabyte line', () => {
    const line = 'a'.repeat(1 << 20);
    expect(makeShell().run(`echo ${line}`).stdout).toBe(`${line}\n`);
  });

  it('passes control characters through', () => {
    expect(makeShell().run('echo \x01\x1b[31m\x7f x').stdout).toBe('\x01\x1b[31m\x7f x\n');
  });

  it('refuses deep nesting with a syntax error instead of overflowing', () => {
    const shell = makeShell();
    expect(shell.run(`echo ${'$('.repeat(5000)}echo hi${')'.repeat(5000)}`)).toMatchObject({ exitCode: 2, stderr: "bash: syntax error near unexpected token `$'\n" });
    expect(shell.run(`${'{ '.repeat(20_000)}echo`)).toMatchObject({ exitCode: 2, stderr: "bash: syntax error near unexpected token `{'\n" });
    expect(shell.run(`echo $((${'('.repeat(10_000)}1${')'.repeat(10_000)}))`).exitCode).not.toBe(0);
  });

  it('runs ten thousand commands on one line', () => {
    expect(makeShell().run(`${'true;'.repeat(10_000)}echo end`).stdout).toBe('end\n');
    expect(makeShell().run(`echo a${';'.repeat(10_000)}`).exitCode).toBe(2);
  });

  it('stops endless loops and endless producers', () => {
    const shell = makeShell();
    expect(shell.run('while true; do :; done').exitCode).toBe(130);
    expect(shell.run('while true; do echo spam; done | wc -l').exitCode).toBe(130);
    expect(shell.run('yes | head -n 3').stdout).toBe('y\ny\ny\n');
    expect(shell.run('yes').stdout.length).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(shell.run('seq 1 1000000000 | wc -l').exitCode).toBe(0);
  });

  it('bounds recursion through scripts, eval and substitution', () => {
    const shell = makeShell();
    expect(shell.run("printf './r.sh\\n' > r.sh; chmod +x r.sh; ./r.sh").stderr).toBe('./r.sh: line 1: fork: retry: Resource temporarily unavailable\n');
    expect(shell.run("X='eval $X'; eval $X").stderr).toBe('bash: eval: maximum eval nesting level exceeded (64)\n');
  });

  it('does not expand brace bombs or double a variable forever', () => {
    const shell = makeShell();
    expect(shell.run(`echo ${'{a,b}'.repeat(30)} | wc -c`).stdout).toBe('151\n');
    expect(shell.run('X=aaaaaaaaaa; for i in $(seq 24); do X=$X$X; done; echo ${#X}').exitCode).toBe(1);
  });
});
