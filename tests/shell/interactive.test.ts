// What only an interactive shell shows, terminal output (ls columns, clear), time, programs and the sh flavour.

import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/engine/shell/session.ts';
import { makeShell, START_TIME } from './helpers.ts';

describe('interactive bash', () => {
  it('prints exit when the shell exits, as bash -i does', () => {
    const shell = makeShell();
    expect(shell.run('exit')).toMatchObject({ stderr: 'exit\n', exitCode: 0 });
    expect(shell.session.exited).toBe(true);
  });

  it('does not exit on exit with too many arguments', () => {
    const shell = makeShell();
    expect(shell.run('exit 1 2; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'exit\nbash: exit: too many arguments\n' });
    expect(shell.session.exited).toBeFalsy();
  });

  it('exits with 2 on a non-numeric argument', () => {
    const shell = makeShell();
    expect(shell.run('exit a b')).toMatchObject({ stderr: 'exit\nbash: exit: a: numeric argument required\n', exitCode: 2 });
    expect(shell.session.exited).toBe(true);
  });

  it('abandons the rest of the line after a failed expansion, with status 1', () => {
    const shell = makeShell();
    expect(shell.run('echo ${U:?oops}; echo after\necho next $?')).toMatchObject({ stdout: 'next 1\n', stderr: 'bash: U: oops\n' });
    expect(shell.run('for i in 1 2; do echo $((1/0)); echo in; done; echo post')).toMatchObject({
      stdout: '',
      stderr: 'bash: 1/0: division by 0 (error token is "0")\n',
      exitCode: 1,
    });
  });

  it('reports a syntax error and goes on with the next line', () => {
    const shell = makeShell();
    expect(shell.run('echo )\necho after')).toMatchObject({ stdout: 'after\n', stderr: "bash: syntax error near unexpected token `)'\n", exitCode: 0 });
    expect(shell.run('echo )').exitCode).toBe(2);
  });

  it('answers an unterminated quote at the end of input as bash -i does', () => {
    expect(makeShell().run("echo 'x")).toMatchObject({ stderr: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 });
  });

  it('warns about a heredoc cut off by the end of input and still runs it', () => {
    expect(makeShell().run('cat <<EOF\nhello')).toMatchObject({
      stdout: 'hello\n',
      stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n",
    });
  });

  it('numbers history like bash and includes the history command itself', () => {
    const shell = makeShell();
    shell.run('docker ps');
    shell.run('cat <<EOF\nx\nEOF');
    expect(shell.run('history').stdout).toBe('    1  docker ps\n    2  cat <<EOF\nx\nEOF\n    3  history\n');
    expect(shell.run('history 1').stdout).toBe('    4  history 1\n');
  });

  it('keeps cd state: PWD, OLDPWD and cd -', () => {
    const shell = makeShell();
    shell.run('cd /tmp');
    expect(shell.session.cwd).toBe('/tmp');
    expect(shell.session.env).toMatchObject({ PWD: '/tmp', OLDPWD: '/home/learner' });
    expect(shell.run('cd -')).toMatchObject({ stdout: '/home/learner\n' });
    expect(shell.run('cd ~; pwd').stdout).toBe('/home/learner\n');
  });

  it('lists exported variables as declare -x, sorted', () => {
    const shell = makeShell();
    shell.session.env = { B: 'say "hi" $x', A: '1' };
    expect(shell.run('export').stdout).toBe('declare -x A="1"\ndeclare -x B="say \\"hi\\" \\$x"\n');
    shell.run('export C=3; D=4');
    expect(shell.session.env.C).toBe('3');
    expect(shell.session.env.D).toBeUndefined();
    expect(shell.session.vars?.D).toBe('4');
  });

  it('prints the environment in order with env', () => {
    const shell = makeShell();
    shell.session.env = { Z: '1', A: '2' };
    expect(shell.run('env').stdout).toBe('Z=1\nA=2\n');
    expect(shell.run('X=9 env').stdout).toBe('Z=1\nA=2\nX=9\n');
  });
});

describe('terminal output', () => {
  it('clears the screen with the bytes clear writes for xterm-256color', () => {
    expect(makeShell().run('clear').stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
  });

  it('lays ls out in columns on a terminal, with tabs, as GNU ls does', () => {
    const names = ['Dockerfile', 'app.py', 'README.md', 'requirements.txt', 'docker-compose.yml', '.env', 'a', 'b', 'c', 'verylongfilename_number_one.txt', 'x'];
    const files = Object.fromEntries(names.map((name) => [`/home/learner/${name}`, '']));
    const shell = makeShell({ files });
    // Recorded from `script -qc "stty cols 60; ls"` with GNU coreutils 9.1.
    expect(shell.run('ls', { tty: true, columns: 60 }).stdout).toBe(
      'Dockerfile  app.py  docker-compose.yml\t\t     x\nREADME.md   b\t    requirements.txt\na\t    c\t    verylongfilename_number_one.txt\n',
    );
    expect(shell.run('ls', { tty: false }).stdout).toBe(`${names.filter((name) => name !== '.env').sort().join('\n')}\n`);
    expect(shell.run('ls -1', { tty: true, columns: 60 }).stdout.split('\n')).toHaveLength(11);
  });

  it('quotes odd names on a terminal and aligns the others, as GNU ls does', () => {
    const names = ['a b', 'c', "it's", 'd$x', 'plain', 'tab\tt'];
    const shell = makeShell({ files: Object.fromEntries(names.map((name) => [`/home/learner/${name}`, ''])) });
    // Recorded from GNU ls 9.1 on a terminal (script -qc).
    expect(shell.run('ls', { tty: true, columns: 80 }).stdout).toBe(`'a b'   c  'd$x'  "it's"   plain  'tab'$'\\t''t'\n`);
    expect(shell.run('ls -1', { tty: true }).stdout).toBe(`'a b'\nc\n'd$x'\n"it's"\nplain\n'tab'$'\\t''t'\n`);
    expect(shell.run('ls -l c', { tty: true }).stdout).toBe('-rw-r--r-- 1 learner learner 0 Dec  4 15:23 c\n');
    expect(shell.run('ls', { tty: false }).stdout).toBe('a b\nc\nd$x\nit\'s\nplain\ntab\tt\n');
  });

  it('prints ls -l with permissions, owner, size and recent or old dates', () => {
    const shell = makeShell({ files: { '/home/learner/app.py': 'print("hi")\n', '/home/learner/big': 'x'.repeat(5000) } });
    shell.run('mkdir src; touch src/a; chmod +x app.py');
    shell.fs.tree['/home/learner/big'].mtime = Date.UTC(2024, 1, 29, 8, 0);
    expect(shell.run('ls -l').stdout).toBe(
      [
        'total 16',
        '-rwxr-xr-x 1 learner learner   12 Dec  4 15:23 app.py',
        '-rw-r--r-- 1 learner learner 5000 Feb 29  2024 big',
        'drwxr-xr-x 2 learner learner 4096 Dec  4 15:23 src',
        '',
      ].join('\n'),
    );
    expect(shell.run('ls -lh big').stdout).toBe('-rw-r--r-- 1 learner learner 4.9K Feb 29  2024 big\n');
  });

  it('tells programs whether their output is the terminal', () => {
    const seen: boolean[] = [];
    const shell = makeShell({ programs: { probe: (ctx) => (seen.push(ctx.tty), 0) } });
    shell.run('probe; probe | cat; probe > f; probe 2>/dev/null', { tty: true });
    expect(seen).toEqual([true, false, false, true]);
  });
});

describe('virtual time', () => {
  it('lets sleep move the clock and delay what follows', () => {
    const shell = makeShell();
    const result = shell.run('echo a; sleep 1.5; echo b; sleep 2m');
    expect(result.out.chunks).toEqual([
      { stream: 'stdout', text: 'a\n', delay: 0 },
      { stream: 'stdout', text: 'b\n', delay: 1500 },
    ]);
    expect(shell.state.clock).toBe(START_TIME + 1500 + 120_000);
  });

  it('keeps a program’s delays through pipes and redirects', () => {
    const slow: Program = (ctx) => {
      ctx.out.stdout('x\n');
      ctx.out.wait(200);
      ctx.out.stderr('e\n');
      ctx.out.stdout('y\n');
      return 0;
    };
    const shell = makeShell({ programs: { slow } });
    expect(shell.run('slow 2>/dev/null').out.chunks).toEqual([
      { stream: 'stdout', text: 'x\n', delay: 0 },
      { stream: 'stdout', text: 'y\n', delay: 200 },
    ]);
    const piped = shell.run('slow 2>&1 | cat');
    expect(piped.out.chunks).toEqual([{ stream: 'stdout', text: 'x\ne\ny\n', delay: 200 }]);
    expect(shell.state.clock).toBe(START_TIME + 400);
    shell.run('slow > log 2>&1');
    expect(shell.fs.readFile('/home/learner/log')).toBe('x\ne\ny\n');
  });
});

describe('programs from the machine', () => {
  const docker: Program = (ctx, argv) => {
    ctx.out.stdout(`${argv.join(' ')}\n`);
    return 0;
  };

  it('finds them with type, which and command -v', () => {
    const shell = makeShell({ programs: { docker } });
    expect(shell.run('type docker; which docker; command -v docker').stdout).toBe('docker is /usr/bin/docker\n/usr/bin/docker\n/usr/bin/docker\n');
  });

  it('runs them by full path', () => {
    expect(makeShell({ programs: { docker } }).run('/usr/bin/docker ps').stdout).toBe('/usr/bin/docker ps\n');
  });

  it('lists them in help', () => {
    const help = makeShell({ programs: { docker } }).run('help').stdout;
    expect(help).toContain('  docker  The docker program\n');
    expect(help).toContain('Shell builtins:\n  cd ');
  });

  it('gives them the file system and the working directory', () => {
    let seen = '';
    const shell = makeShell({
      programs: {
        build: (ctx) => {
          seen = `${ctx.cwd} ${ctx.fs?.readFile(`${ctx.cwd}/Dockerfile`)}`;
          return 0;
        },
      },
    });
    shell.run('mkdir app; cd app; echo FROM alpine > Dockerfile; build');
    expect(seen).toBe('/home/learner/app FROM alpine\n');
  });

  it('reports a program that throws as an internal error instead of throwing', () => {
    const shell = makeShell({
      programs: {
        broken: () => {
          throw new Error('bug');
        },
      },
    });
    expect(shell.run('broken; echo still here')).toMatchObject({ stdout: 'still here\n', stderr: 'bash: broken: internal error\n' });
  });
});

describe('the dash flavour', () => {
  it('says not found with the line number, counting lines across runs', () => {
    const shell = makeShell({ flavor: 'dash' });
    expect(shell.run('foo')).toMatchObject({ stderr: 'sh: 1: foo: not found\n', exitCode: 127 });
    expect(shell.run('true\nfoo')).toMatchObject({ stderr: 'sh: 3: foo: not found\n', exitCode: 127 });
  });

  it('words cd and syntax errors as dash does', () => {
    const shell = makeShell({ flavor: 'dash' });
    expect(shell.run('cd nope')).toMatchObject({ stderr: "sh: 1: cd: can't cd to nope\n", exitCode: 2 });
    expect(shell.run("echo 'x")).toMatchObject({ stderr: 'sh: 2: Syntax error: Unterminated quoted string\n', exitCode: 2 });
    expect(shell.run('| x')).toMatchObject({ stderr: 'sh: 3: Syntax error: "|" unexpected\n', exitCode: 2 });
    expect(shell.run('echo > nope/f')).toMatchObject({ stderr: 'sh: 4: cannot create nope/f: Directory nonexistent\n', exitCode: 2 });
  });

  it('lists exports as export NAME=\'value\' and does not print exit', () => {
    const shell = makeShell({ flavor: 'dash' });
    shell.session.env = { A: "it's" };
    expect(shell.run('export').stdout).toBe(`export A='it'"'"'s'\n`);
    expect(shell.run('exit 3')).toMatchObject({ stderr: '', exitCode: 3 });
  });
});
