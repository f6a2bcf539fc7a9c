// `docker build` and `docker buildx build` through the CLI: the host's context and Dockerfile in, the image and cache into the machine.

import { describe, expect, it } from 'vitest';
import { classicDockerRoot } from '../../src/engine/commands/docker.ts';
import { runDocker } from '../../src/engine/cli/dispatch.ts';
import { Output, type CommandContext } from '../../src/engine/exec/context.ts';
import { createMachine, streamText } from '../../src/engine/index.ts';
import { TreeFileSystem } from '../../src/engine/shell/vfs.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import { runToEnd } from '../../src/headless/run-to-end.ts';

const FIXED = 'FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\nEXPOSE 5000\n';

function machine() {
  const m = createMachine({ seed: 5 });
  const run = (line: string, tty = false) => {
    const result = runToEnd(m, line, tty ? { tty: true, columns: 80 } : { tty: false });
    return { stdout: streamText(result, 'stdout'), stderr: streamText(result, 'stderr'), exitCode: result.exitCode };
  };
  const write = (path: string, text: string): void => {
    expect(run(`cat > ${path} <<'EOF'\n${text}EOF`).exitCode).toBe(0);
  };
  run('mkdir -p app && cd app');
  write('Dockerfile', FIXED);
  write('requirements.txt', 'flask\n');
  write('app.py', 'print("hello")\n');
  const images = () => m.snapshot().images;
  const tagged = (tag: string) => images().find((image) => image.repoTags.includes(tag));
  return { m, run, write, images, tagged };
}

describe('docker build, forwarded to docker buildx build', () => {
  for (const command of ['docker build', 'docker buildx build', 'docker image build', 'docker builder build', 'docker buildx b']) {
    it(`builds and tags the image with ${command}, keeping the cache for the next build`, () => {
      const { m, run, tagged } = machine();
      const first = run(`${command} -t myapp .`);
      expect(first.exitCode).toBe(0);
      expect(first.stdout).toBe('');
      expect(first.stderr).toContain('#1 [internal] load build definition from Dockerfile');
      expect(tagged('myapp:latest')?.files['/app/app.py']).toBeDefined();
      expect(Object.keys(m.snapshot().buildCache?.steps ?? {})).toHaveLength(4);
      const second = run(`${command} -t myapp .`);
      expect(second.stderr).toMatch(/\[4\/5\] RUN pip install -r requirements\.txt\n#\d+ CACHED\n/);
    });
  }

  it('takes virtual time: a clean build of the notes project lasts seconds', () => {
    const { m, run } = machine();
    const before = m.snapshot().clock;
    run('docker build .');
    expect(m.snapshot().clock - before).toBeGreaterThan(5000);
  });

  it('names the image by every -t, and moves a tag from the image it was on', () => {
    const { run, write, images } = machine();
    run('docker build -t myapp -t myapp:1.0 -t registry.example.com/team/myapp:dev .');
    write('app.py', 'print("changed")\n');
    const rebuilt = run('docker build -t myapp .');
    expect(rebuilt.stderr).toContain('naming to docker.io/library/myapp done');
    const built = images().filter((image) => image.files['/app/app.py']);
    expect(built.map((image) => image.repoTags)).toEqual([['myapp:1.0', 'registry.example.com/team/myapp:dev'], ['myapp:latest']]);
  });

  it('reads -f relative to the shell directory and names the file by its base name', () => {
    const { run, write } = machine();
    run('mkdir docker');
    write('docker/Dockerfile.dev', 'FROM python:3.9-slim\nRUN echo dev\n');
    const result = run('docker build -f docker/Dockerfile.dev .');
    expect(result.stderr).toContain('#1 [internal] load build definition from Dockerfile.dev\n');
    expect(result.exitCode).toBe(0);
  });

  it('takes the Dockerfile from stdin with -f - and with - as the context', () => {
    const { run, tagged } = machine();
    expect(run("printf 'FROM alpine\\nCMD [\"echo\", \"piped\"]\\n' | docker build -q -t piped -f - .").exitCode).toBe(0);
    expect(tagged('piped:latest')?.config.cmd).toEqual(['echo', 'piped']);
    expect(run("printf 'FROM alpine\\nENV FROM_STDIN=1\\n' | docker build -t nocontext -").exitCode).toBe(0);
    expect(tagged('nocontext:latest')?.config.env).toContain('FROM_STDIN=1');
  });

  it('reports a missing or non-directory context and a missing Dockerfile as buildx does', () => {
    const { run } = machine();
    expect(run('docker build nodir')).toEqual({ stdout: '', stderr: 'ERROR: unable to prepare context: path "nodir" not found\n', exitCode: 1 });
    expect(run('docker build app.py').stderr).toBe('ERROR: unable to prepare context: path "app.py" not found\n');
    run('rm Dockerfile');
    const missing = run('docker build .');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.endsWith('ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n')).toBe(true);
  });

  it('passes --build-arg, --target and --no-cache through', () => {
    const { run, write, tagged } = machine();
    write('Dockerfile', 'FROM python:3.9-slim AS base\nARG MODE=dev\nENV MODE=$MODE\nFROM base AS final\nRUN echo final\n');
    run('docker build -t t --build-arg MODE=prod --target base .');
    expect(tagged('t:latest')?.config.env).toContain('MODE=prod');
    const again = run('docker buildx build -t t --no-cache .');
    expect(again.stderr).toContain('#6 [final 1/1] RUN echo final\n');
    expect(again.stderr).not.toContain('CACHED');
  });
});

describe('--progress and -q', () => {
  it('draws the terminal display on a TTY by default and plain lines when piped', () => {
    const { run } = machine();
    const tty = run('docker build -t a .', true);
    expect(tty.stderr).toContain('[+] Building');
    expect(tty.stderr).toContain('docker:default');
    const piped = run('docker build -t a .');
    expect(piped.stderr.startsWith('#0 building with "default" instance using docker driver\n')).toBe(true);
  });

  it('prints plain lines on a TTY with --progress=plain, and the display when asked for tty', () => {
    const { run } = machine();
    expect(run('docker build --progress=plain .', true).stderr).toContain('#0 building with "default" instance using docker driver\n');
    expect(run('docker buildx build --progress tty .', true).stderr).toContain('[+] Building');
  });

  it('takes BUILDKIT_PROGRESS when --progress is not given', () => {
    const { run } = machine();
    expect(run('BUILDKIT_PROGRESS=plain docker build .', true).stderr).toContain('#0 building with');
    expect(run('BUILDKIT_PROGRESS=plain docker build --progress=quiet .', true).stderr).toBe('');
  });

  it('refuses a terminal display without a terminal, and a mode progressui does not know', () => {
    const { run } = machine();
    expect(run('docker build --progress=tty .')).toEqual({ stdout: '', stderr: 'ERROR: failed to get console: provided file is not a console\n', exitCode: 1 });
    expect(run('docker build --progress=fancy .')).toEqual({ stdout: '', stderr: 'ERROR: invalid progress mode fancy\n', exitCode: 1 });
    expect(run('docker build --progress=PLAIN .').stderr).toBe('ERROR: invalid progress mode PLAIN\n');
  });

  it('says plainly that the raw JSON progress is not simulated rather than printing something else', () => {
    const { run, images } = machine();
    const before = images().length;
    const result = run('docker build --progress=rawjson .');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("docker: the simulator does not support --progress=rawjson for 'docker buildx build' yet; real Docker does.\n");
    expect(images()).toHaveLength(before);
  });

  it('prints nothing but the image id with -q or --progress=quiet, on a TTY too', () => {
    const { run, tagged } = machine();
    const quiet = run('docker build -q -t q .');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(`${tagged('q:latest')?.id}\n`);
    const onTerminal = run('docker build --quiet -t q .', true);
    expect(onTerminal.stdout).toBe(`${tagged('q:latest')?.id}\n`);
    expect(onTerminal.stderr).toBe('');
    expect(run('docker build --progress=quiet -t q .').stderr).toBe('');
  });

  it('refuses -q with a progress mode other than auto or quiet, as buildx does', () => {
    const { run } = machine();
    expect(run('docker build -q --progress=plain .')).toEqual({ stdout: '', stderr: 'ERROR: progress=plain and quiet cannot be used together\n', exitCode: 1 });
    expect(run('docker build -q --progress=quiet -t ok .').exitCode).toBe(0);
  });
});

describe('the client alone (no buildx)', () => {
  function classic(args: string[]) {
    const state = createInitialState();
    const fs = new TreeFileSystem(state.host.fs, () => state.clock);
    fs.mkdir('/home/learner/app', { parents: true });
    const out = new Output(state);
    const ctx: CommandContext = { state, out, stdin: undefined, tty: false, columns: 80, env: { HOME: '/home/learner' }, cwd: '/home/learner', fs };
    const exitCode = runDocker(ctx, args, classicDockerRoot, {});
    return { exitCode, stderr: out.text('stderr') };
  }

  it('warns that the legacy builder is deprecated and looks for the context first', () => {
    const missing = classic(['build', 'nodir']);
    expect(missing.stderr).toMatch(/^DEPRECATED: The legacy builder is deprecated[\s\S]*\n\nunable to prepare context: path "nodir" not found\n$/);
    expect(missing.exitCode).toBe(1);
  });

  it('says the legacy builder itself is not simulated', () => {
    expect(classic(['build', 'app']).stderr).toContain("docker: 'docker build' is a real Docker command, but this simulator does not support it.\n");
  });
});
