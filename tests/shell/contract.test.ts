// The shell's public contract: runShell's status and output, isComplete, programs from the machine.

import { describe, expect, it } from 'vitest';
import { isComplete } from '../../src/engine/shell/run.ts';
import { makeShell } from './helpers.ts';

describe('runShell', () => {
  it('returns the status of the last pipeline and prints to stdout', () => {
    const shell = makeShell();
    const result = shell.run('echo hi; false');
    expect(result).toMatchObject({ stdout: 'hi\n', stderr: '', exitCode: 1 });
    expect(shell.session.lastExitCode).toBe(1);
  });

  it('runs a program the machine provides with argv[0] as typed and the environment', () => {
    const seen: string[][] = [];
    const shell = makeShell({
      programs: {
        docker: (ctx, argv) => {
          seen.push(argv);
          ctx.out.stdout(`${ctx.env.GREETING ?? ''}|${ctx.stdin ?? 'tty'}|${ctx.tty}\n`);
          return 3;
        },
      },
    });
    const result = shell.run('GREETING=hello docker ps -a');
    expect(seen).toEqual([['docker', 'ps', '-a']]);
    expect(result).toMatchObject({ stdout: 'hello|tty|false\n', exitCode: 3 });
    expect(shell.run('echo in | docker x').stdout).toBe('|in\n|false\n');
    expect(shell.run('docker x', { tty: true }).stdout).toBe('|tty|true\n');
  });

  it('splits command substitution output into several arguments', () => {
    const args: string[][] = [];
    const shell = makeShell({
      programs: {
        docker: (ctx, argv) => {
          if (argv[1] === 'ps') ctx.out.stdout('aaa\nbbb\nccc\n');
          else args.push(argv);
          return 0;
        },
      },
    });
    shell.run('docker rm -f $(docker ps -aq)');
    expect(args).toEqual([['docker', 'rm', '-f', 'aaa', 'bbb', 'ccc']]);
  });

  it('marks the session as exited when exit runs in the top shell', () => {
    const shell = makeShell();
    const result = shell.run('exit 4');
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toBe('exit\n');
    expect(shell.session.exited).toBe(true);
  });

  it('does not end the session for exit in a subshell', () => {
    const shell = makeShell();
    expect(shell.run('(exit 3); echo $?').stdout).toBe('3\n');
    expect(shell.session.exited).toBeFalsy();
  });
});

describe('isComplete', () => {
  it.each([
    ["echo 'x", false],
    ['echo "x', false],
    ['echo a &&', false],
    ['echo a ||', false],
    ['echo a |', false],
    ['echo a \\', false],
    ['cat <<EOF', false],
    ['cat <<EOF\nhello', false],
    ['cat <<EOF\nhello\nEOF', true],
    ['echo $(docker ps', false],
    ['for i in 1 2; do', false],
    ['if true; then echo', false],
    ['echo hi', true],
    ['echo )', true],
    ['', true],
  ])('%j → %s', (source, expected) => {
    expect(isComplete(source)).toBe(expected);
  });
});
