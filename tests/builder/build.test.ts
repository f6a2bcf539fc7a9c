// `docker build` output and results for the course's Dockerfiles, plain and on a terminal.
// Shapes from moby/buildkit util/progress/progressui (printer.go: `#N name`, `#N ...`, status lines
// `id bytes 0.0s done`, `#N CACHED`, `#N DONE 0.1s`, `#N ERROR: …`, log lines `#N 0.512 text` with 3/2/1
// decimals; display.go: `[+] Building 3.2s (10/10) FINISHED`, right-aligned `docker:default`, ` => ` job lines
// with `%3.1fs` timers, `CACHED `/`ERROR ` prefixes, cursor-up redraws, the `------ > step:` error summary),
// solver/errdefs/source.go (the `Dockerfile:N` excerpt with `>>>` and ` %3d | ` numbering),
// docker/buildx commands/build.go (`1 warning found (use docker --debug to expand):`, `ERROR: failed to solve: …`)
// and real transcripts (`#0 building with "default" instance using docker driver`, `[auth] library/…:pull token
// for registry-1.docker.io`, `#1 WARN: …` inside the definition step).

import { describe, expect, it } from 'vitest';
import { baseImageLookup } from '../../src/engine/builder/base-images.ts';
import { emptyBuildCache, runBuild, type BuildCache, type BuildContextFiles, type BuildRequest } from '../../src/engine/builder/build.ts';
import { hubHistory } from '../../src/engine/registry/hub-history.ts';
import { imageRecordFromHub, lookupImage } from '../../src/engine/registry/hub.ts';
import type { ImageRecord } from '../../src/engine/state/machine-state.ts';
import { screenAfter } from './terminal-screen.ts';

function hubImage(reference: string): ImageRecord {
  const found = lookupImage(reference);
  if (!found.ok) throw new Error(found.message);
  return imageRecordFromHub(found.image, found.reference);
}

const PYTHON = hubImage('python:3.9-slim');

/** The notes' Dockerfile, fixed so that it builds. */
const FIXED = `FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]
EXPOSE 5000
`;

/** The notes' Dockerfile exactly as written. */
const NOTES = `FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install
CMD ['python', 'app.py']
EXPOSE 
ENV
`;

const PIP_ALONE = `FROM python:3.9-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install
CMD ['python', 'app.py']
`;

function file(content: string): { content: string; mode: number } {
  return { content, mode: 0o644 };
}

function project(dockerfile: string, extra: BuildContextFiles = {}): BuildContextFiles {
  return { Dockerfile: file(dockerfile), 'requirements.txt': file('flask\n'), 'app.py': file('from flask import Flask\napp = Flask(__name__)\n'), ...extra };
}

function request(dockerfile: string, overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    dockerfile,
    dockerfileName: 'Dockerfile',
    context: project(dockerfile),
    tags: ['myapp'],
    buildArgs: {},
    noCache: false,
    pull: false,
    progress: 'plain',
    quiet: false,
    tty: false,
    columns: 80,
    rows: 24,
    lookupBase: baseImageLookup([PYTHON]),
    cache: emptyBuildCache(),
    clock: Date.UTC(2026, 2, 1, 9, 0, 0),
    ...overrides,
  };
}

function stderr(outcome: ReturnType<typeof runBuild>): string {
  return outcome.output.filter((piece) => piece.stream === 'stderr').map((piece) => piece.text).join('');
}

function build(dockerfile: string, overrides: Partial<BuildRequest> = {}): { outcome: ReturnType<typeof runBuild>; text: string; cache: BuildCache } {
  const outcome = runBuild(request(dockerfile, overrides));
  return { outcome, text: stderr(outcome), cache: outcome.cache };
}

describe('a clean build of the fixed notes Dockerfile', () => {
  it('prints the plain progress in vertex order, with pip output timed inside its step', () => {
    const { outcome, text } = build(FIXED);
    expect(outcome.exitCode).toBe(0);
    const headers = text.split('\n').filter((line) => /^#\d+ [[a-z]/.test(line) && !/^#\d+ \d/.test(line));
    expect(headers).toEqual([
      '#0 building with "default" instance using docker driver',
      '#1 [internal] load build definition from Dockerfile',
      '#1 transferring dockerfile: 140B done',
      '#2 [internal] load metadata for docker.io/library/python:3.9-slim',
      '#3 [internal] load .dockerignore',
      '#3 transferring context: 2B done',
      '#4 [1/5] FROM docker.io/library/python:3.9-slim',
      '#5 [internal] load build context',
      '#5 transferring context: 192B done',
      '#6 [2/5] WORKDIR /app',
      '#7 [3/5] COPY requirements.txt .',
      '#8 [4/5] RUN pip install -r requirements.txt',
      '#9 [5/5] COPY . .',
      '#10 exporting to image',
      '#10 exporting layers 0.1s done',
      `#10 writing image ${outcome.image?.id} done`,
      '#10 naming to docker.io/library/myapp done',
    ]);
    expect(text).toContain('#1 DONE 0.0s\n\n#2 [internal] load metadata');
    expect(text).toMatch(/\n#8 1\.\d{3} Collecting flask\n#8 1\.\d{3}   Downloading flask-3\.0\.3-py3-none-any\.whl \(101 kB\)\n/);
    expect(text).toMatch(/\n#8 \d\.\d{3} Successfully installed Jinja2-3\.1\.4 MarkupSafe-2\.1\.5 Werkzeug-3\.0\.3 blinker-1\.8\.2 click-8\.1\.7 flask-3\.0\.3 importlib-metadata-8\.0\.0 itsdangerous-2\.2\.0 zipp-3\.19\.2\n/);
    expect(text).toContain("WARNING: Running pip as the 'root' user can result in broken permissions");
    expect(text).toMatch(/\n#8 DONE 3\.\d+s\n\n#9 \[5\/5\] COPY \. \.\n#9 DONE 0\.0s\n/);
    expect(text.endsWith('#10 DONE 0.1s\n')).toBe(true);
  });

  it('makes an image with the Dockerfile applied: command, ports, working dir, files, history', () => {
    const image = build(FIXED).outcome.image;
    expect(image?.repoTags).toEqual(['myapp:latest']);
    expect(image?.config).toMatchObject({ cmd: ['python', 'app.py'], exposedPorts: ['5000/tcp'], workingDir: '/app', program: 'python' });
    expect(image?.config.env).toContain('PYTHON_VERSION=3.9.23');
    expect(image?.files['/app/app.py']).toMatchObject({ type: 'file', content: 'from flask import Flask\napp = Flask(__name__)\n' });
    expect(image?.files['/usr/local/lib/python3.9/site-packages/flask-3.0.3.dist-info/METADATA']).toBeDefined();
    expect(image?.layers.slice(0, PYTHON.layers.length)).toEqual(PYTHON.layers);
    expect(image?.layers).toHaveLength(PYTHON.layers.length + 4);
    expect((image?.size ?? 0) - PYTHON.size).toBeGreaterThan(1_000_000);
    const own = image?.history.slice(hubHistory(PYTHON.id)?.length);
    expect(own?.map((entry) => [entry.createdBy, entry.emptyLayer])).toEqual([
      ['WORKDIR /app', false],
      ['COPY requirements.txt . # buildkit', false],
      ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', false],
      ['COPY . . # buildkit', false],
      ['CMD ["python" "app.py"]', true],
      ['EXPOSE map[5000/tcp:{}]', true],
    ]);
  });

  it('gives the same image id for the same build, from nothing random', () => {
    expect(build(FIXED).outcome.image?.id).toBe(build(FIXED).outcome.image?.id);
  });

  it("turns the notes' single-quoted CMD into a shell command, as BuildKit does", () => {
    const { outcome, text } = build(PIP_ALONE.replace('RUN pip install', 'RUN pip install -r requirements.txt'));
    expect(outcome.image?.config.cmd).toEqual(['/bin/sh', '-c', "['python', 'app.py']"]);
    expect(text).toContain('#1 WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 5)\n#1 DONE 0.0s');
    expect(text).toContain(
      '\n \x1b[33m1 warning found (use docker --debug to expand):\n\x1b[0m - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 5)\n',
    );
  });
});

describe('rebuilding', () => {
  it('shows every step CACHED when nothing changed, and keeps the image id', () => {
    const first = build(FIXED);
    const second = build(FIXED, { cache: first.cache });
    expect(second.text).toContain('#6 [2/5] WORKDIR /app\n#6 CACHED\n\n#7 [3/5] COPY requirements.txt .\n#7 CACHED\n\n#8 [4/5] RUN pip install -r requirements.txt\n#8 CACHED\n\n#9 [5/5] COPY . .\n#9 CACHED\n');
    expect(second.text).toContain('#10 exporting layers done\n');
    expect(second.text).not.toContain('Collecting');
    expect(second.outcome.image?.id).toBe(first.outcome.image?.id);
  });

  it('runs again from the COPY of a changed app.py, keeping the pip layer', () => {
    const first = build(FIXED);
    const context = project(FIXED, { 'app.py': file('print("changed")\n') });
    const second = build(FIXED, { cache: first.cache, context });
    expect(second.text).toContain('#8 [4/5] RUN pip install -r requirements.txt\n#8 CACHED\n\n#9 [5/5] COPY . .\n#9 DONE 0.0s\n');
    expect(second.outcome.image?.files['/app/app.py']).toMatchObject({ content: 'print("changed")\n' });
    expect(second.outcome.image?.id).not.toBe(first.outcome.image?.id);
  });

  it('runs pip again when requirements.txt changes', () => {
    const first = build(FIXED);
    const second = build(FIXED, { cache: first.cache, context: project(FIXED, { 'requirements.txt': file('flask\nrequests\n') }) });
    expect(second.text).toContain('#6 CACHED\n');
    expect(second.text).toContain('#7 [3/5] COPY requirements.txt .\n#7 DONE 0.0s\n');
    expect(second.text).toContain('Collecting requests');
  });

  it('ignores the cache with --no-cache', () => {
    const first = build(FIXED);
    expect(build(FIXED, { cache: first.cache, noCache: true }).text).not.toContain('CACHED');
  });
});

describe("the notes' Dockerfile as written", () => {
  it('fails on the empty EXPOSE with the excerpt and BuildKit words (plain)', () => {
    const { outcome, text } = build(NOTES);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.image).toBeUndefined();
    expect(text).toBe(
      [
        '#0 building with "default" instance using docker driver',
        '',
        '#1 [internal] load build definition from Dockerfile',
        '#1 transferring dockerfile: 111B done',
        '#1 DONE 0.0s',
        'Dockerfile:6',
        '--------------------',
        '   4 |     RUN pip install',
        "   5 |     CMD ['python', 'app.py']",
        '   6 | >>> EXPOSE ',
        '   7 |     ENV',
        '   8 |     ',
        '--------------------',
        'ERROR: failed to solve: dockerfile parse error on line 6: EXPOSE requires at least one argument',
        '',
      ].join('\n'),
    );
  });

  it('shows the same failure under a one-step finished block on a terminal', async () => {
    const { text } = build(NOTES, { progress: 'auto', tty: true, columns: 80, rows: 24 });
    expect(await screenAfter(text, 80, 24)).toBe(
      [
        '$ docker build .',
        '[+] Building 0.0s (1/1) FINISHED                                 docker:default',
        ' => [internal] load build definition from Dockerfile                       0.0s',
        ' => => transferring dockerfile: 111B                                       0.0s',
        'Dockerfile:6',
        '--------------------',
        '   4 |     RUN pip install',
        "   5 |     CMD ['python', 'app.py']",
        '   6 | >>> EXPOSE',
        '   7 |     ENV',
        '   8 |',
        '--------------------',
        // 80 columns wrap the error line, as on a real terminal.
        'ERROR: failed to solve: dockerfile parse error on line 6: EXPOSE requires at lea',
        'st one argument',
        '',
      ].join('\n'),
    );
  });
});

describe('a failing RUN pip install', () => {
  it("prints pip's error in the step, the step's logs, the warning and the excerpt (plain)", () => {
    const first = build(FIXED);
    const { outcome, text } = build(PIP_ALONE, { cache: first.cache });
    expect(outcome.exitCode).toBe(1);
    const tail = text.slice(text.indexOf('#8 [4/4] RUN pip install'));
    expect(tail).toBe(
      [
        '#8 [4/4] RUN pip install',
        '#8 0.573 ERROR: You must give at least one requirement to install (see "pip help install")',
        '#8 0.883 ',
        '#8 0.883 [notice] A new release of pip is available: 23.0.1 -> 25.1.1',
        '#8 0.883 [notice] To update, run: pip install --upgrade pip',
        '#8 ERROR: process "/bin/sh -c pip install" did not complete successfully: exit code: 1',
        '------',
        ' > [4/4] RUN pip install:',
        '0.573 ERROR: You must give at least one requirement to install (see "pip help install")',
        '0.883 ',
        '0.883 [notice] A new release of pip is available: 23.0.1 -> 25.1.1',
        '0.883 [notice] To update, run: pip install --upgrade pip',
        '------',
        '',
        ' \x1b[33m1 warning found (use docker --debug to expand):',
        '\x1b[0m - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 5)',
        'Dockerfile:4',
        '--------------------',
        '   2 |     WORKDIR /app',
        '   3 |     COPY requirements.txt .',
        '   4 | >>> RUN pip install',
        "   5 |     CMD ['python', 'app.py']",
        '   6 |     ',
        '--------------------',
        'ERROR: failed to solve: process "/bin/sh -c pip install" did not complete successfully: exit code: 1',
        '',
      ].join('\n'),
    );
    expect(text).toContain('#6 [2/4] WORKDIR /app\n#6 CACHED\n');
  });

  it('ends the terminal display with the ERROR step in the final frame, then the logs', async () => {
    const first = build(FIXED);
    const { text } = build(PIP_ALONE, { cache: first.cache, progress: 'tty', tty: true, columns: 100, rows: 30 });
    const screen = await screenAfter(text, 100, 30);
    expect(screen).toContain(
      [
        '[+] Building 1.0s (8/8) FINISHED                                                     docker:default',
        ' => [internal] load build definition from Dockerfile                                           0.0s',
        ' => => transferring dockerfile: 99B                                                            0.0s',
        ' => WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behav  0.0s',
        ' => [internal] load metadata for docker.io/library/python:3.9-slim                             0.0s',
        ' => [internal] load .dockerignore                                                              0.0s',
        ' => => transferring context: 2B                                                                0.0s',
        ' => [1/4] FROM docker.io/library/python:3.9-slim                                               0.0s',
        ' => [internal] load build context                                                              0.0s',
        // Only requirements.txt is followed (no COPY . .), and the builder already holds it.
        ' => => transferring context: 31B                                                               0.0s',
        ' => CACHED [2/4] WORKDIR /app                                                                  0.0s',
        ' => CACHED [3/4] COPY requirements.txt .                                                       0.0s',
        ' => ERROR [4/4] RUN pip install                                                                0.9s',
        '------',
        ' > [4/4] RUN pip install:',
        '0.573 ERROR: You must give at least one requirement to install (see "pip help install")',
      ].join('\n'),
    );
    expect(screen).toContain('ERROR: failed to solve: process "/bin/sh -c pip install" did not complete successfully: exit code: 1\n');
    expect(screen.match(/\[\+\] Building/g)).toHaveLength(1);
  });
});

describe('the terminal display of a clean build', () => {
  it('ends on one FINISHED block with every step and right-aligned timers', async () => {
    const { text } = build(FIXED, { progress: 'tty', tty: true, columns: 100, rows: 40 });
    const screen = await screenAfter(text, 100, 40);
    const lines = screen.split('\n');
    expect(lines[1]).toMatch(/^\[\+\] Building 4\.\ds \(10\/10\) FINISHED {2,}docker:default$/);
    expect(lines[1]).toHaveLength(99);
    expect(lines.slice(2)).toEqual([
      ' => [internal] load build definition from Dockerfile                                           0.0s',
      ' => => transferring dockerfile: 140B                                                           0.0s',
      ' => [internal] load metadata for docker.io/library/python:3.9-slim                             0.0s',
      ' => [internal] load .dockerignore                                                              0.0s',
      ' => => transferring context: 2B                                                                0.0s',
      ' => [1/5] FROM docker.io/library/python:3.9-slim                                               0.0s',
      ' => [internal] load build context                                                              0.0s',
      ' => => transferring context: 192B                                                              0.0s',
      ' => [2/5] WORKDIR /app                                                                         0.0s',
      ' => [3/5] COPY requirements.txt .                                                              0.0s',
      expect.stringMatching(/^ => \[4\/5\] RUN pip install -r requirements\.txt {40,}3\.\ds$/),
      ' => [5/5] COPY . .                                                                             0.0s',
      ' => exporting to image                                                                         0.1s',
      ' => => exporting layers                                                                        0.1s',
      expect.stringMatching(/^ => => writing image sha256:[0-9a-f]{64} {3}0\.0s$/),
      ' => => naming to docker.io/library/myapp                                                       0.0s',
      '',
    ]);
    expect(screen.match(/\[\+\] Building/g)).toHaveLength(1);
  });

  it('marks every step CACHED on a rebuild, and only the changed COPY after editing app.py', async () => {
    const first = build(FIXED);
    const cached = await screenAfter(build(FIXED, { cache: first.cache, progress: 'tty', tty: true, columns: 80, rows: 30 }).text, 80, 30);
    expect(cached).toContain(
      [
        ' => CACHED [2/5] WORKDIR /app                                              0.0s',
        ' => CACHED [3/5] COPY requirements.txt .                                   0.0s',
        ' => CACHED [4/5] RUN pip install -r requirements.txt                       0.0s',
        ' => CACHED [5/5] COPY . .                                                  0.0s',
        ' => exporting to image                                                     0.0s',
        ' => => exporting layers                                                    0.0s',
      ].join('\n'),
    );
    expect(cached).toMatch(/^\[\+\] Building 0\.1s \(10\/10\) FINISHED {2,}docker:default$/m);
    const context = project(FIXED, { 'app.py': file('print("changed")\n') });
    const edited = await screenAfter(build(FIXED, { cache: first.cache, context, progress: 'tty', tty: true, columns: 80, rows: 30 }).text, 80, 30);
    expect(edited).toContain(' => CACHED [4/5] RUN pip install -r requirements.txt                       0.0s\n => [5/5] COPY . .                                                         0.0s\n');
  });

  it('redraws in place with cursor-up and colours finished steps blue', () => {
    const { outcome } = build(FIXED, { progress: 'tty', tty: true, columns: 80, rows: 24 });
    const frames = outcome.output.filter((piece) => piece.text.includes('[+] Building'));
    expect(frames.length).toBeGreaterThan(10);
    expect(frames[0].text.startsWith('\x1b[1A\x1b[1B\x1b[0G\x1b[?25l[+] Building 0.0s (0/1) ')).toBe(true);
    expect(frames[1].text.startsWith('\x1b[1A\x1b[1A\x1b[0G\x1b[?25l')).toBe(true);
    expect(frames.at(-1)?.text).toContain('\x1b[34m => [2/5] WORKDIR /app');
    expect(frames.at(-1)?.text.endsWith('\x1b[?25h')).toBe(true);
    const total = outcome.output.reduce((sum, piece) => sum + piece.delay, 0);
    expect(total).toBe(outcome.duration);
  });

  it('shows the running step with its last log lines while it runs', () => {
    const { outcome } = build(FIXED, { progress: 'tty', tty: true, columns: 80, rows: 24 });
    const running = outcome.output.find((piece) => piece.text.includes('=> => # Collecting flask'));
    expect(running?.text).toContain('\x1b[2m => => # Collecting flask');
  });
});

describe('resolving the base image', () => {
  it('asks the registry for an image not in the store: token, digest, download, then CACHED next time', () => {
    const first = build(FIXED, { lookupBase: baseImageLookup([]) });
    expect(first.text).toContain('#2 [internal] load metadata for docker.io/library/python:3.9-slim\n#2 ...\n\n#3 [auth] library/python:pull token for registry-1.docker.io\n#3 DONE 0.0s\n\n#2 [internal] load metadata for docker.io/library/python:3.9-slim\n#2 DONE 1.');
    expect(first.text).toMatch(/\[1\/5\] FROM docker\.io\/library\/python:3\.9-slim@sha256:[0-9a-f]{64}\n/);
    expect(first.text).toMatch(/\n#\d+ extracting sha256:[0-9a-f]{64} 0\.\ds done\n/);
    const second = build(FIXED, { lookupBase: baseImageLookup([]), cache: first.cache });
    expect(second.text).toMatch(/\[1\/5\] FROM docker\.io\/library\/python:3\.9-slim@sha256:[0-9a-f]{64}\n#5 CACHED\n/);
  });

  it('fails as the registry does for an image that does not exist', () => {
    const { outcome, text } = build('FROM pythn:3.9\nRUN echo hi\n');
    expect(outcome.exitCode).toBe(1);
    expect(text).toContain('#2 ERROR: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n');
    expect(text.endsWith(
      'ERROR: failed to solve: pythn:3.9: failed to resolve source metadata for docker.io/library/pythn:3.9: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n',
    )).toBe(true);
    expect(text).toContain('Dockerfile:1\n--------------------\n   1 | >>> FROM pythn:3.9\n   2 |     RUN echo hi\n');
  });
});

describe('RUN programs', () => {
  it('fails an unknown program as dash does, with exit code 127', () => {
    const { text } = build('FROM python:3.9-slim\nRUN foo --bar\n');
    expect(text).toContain('#5 [2/2] RUN foo --bar\n#5 0.153 /bin/sh: 1: foo: not found\n#5 ERROR: process "/bin/sh -c foo --bar" did not complete successfully: exit code: 127\n');
    expect(text.endsWith('ERROR: failed to solve: process "/bin/sh -c foo --bar" did not complete successfully: exit code: 127\n')).toBe(true);
  });

  it('runs && chains, echo, mkdir -p and redirections into the layer', () => {
    const { outcome, text } = build('FROM python:3.9-slim\nRUN mkdir -p /data/logs && echo "ready" > /data/status && echo built\n');
    expect(text).toContain('#5 0.15');
    expect(text).toMatch(/#5 0\.\d{3} built\n/);
    expect(outcome.image?.files['/data/status']).toMatchObject({ content: 'ready\n' });
    expect(outcome.image?.files['/data/logs']).toMatchObject({ type: 'dir' });
  });

  it('stops an && chain at the first failure and reports its exit code', () => {
    const { text } = build('FROM python:3.9-slim\nRUN false && echo never\n');
    expect(text).not.toMatch(/#5 \d\.\d{3} never/);
    expect(text).toContain('did not complete successfully: exit code: 1');
  });

  it('installs with apt-get after an update, and cannot find packages without one', () => {
    const ok = build('FROM python:3.9-slim\nRUN apt-get update && apt-get install -y curl\n').text;
    expect(ok).toContain('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]');
    expect(ok).toContain('The following NEW packages will be installed:\n');
    expect(ok).toMatch(/Setting up curl \(7\.88\.1-10\+deb12u12\) \.\.\./);
    const missing = build('FROM python:3.9-slim\nRUN apt-get install -y curl\n').text;
    expect(missing).toMatch(/ E: Unable to locate package curl\n/);
    expect(missing).toContain('exit code: 100');
  });

  it('runs npm install from package.json in a node image', () => {
    const dockerfile = 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n';
    const node = hubImage('node:22-alpine');
    const { outcome, text } = build(dockerfile, {
      lookupBase: baseImageLookup([node]),
      context: { Dockerfile: file(dockerfile), 'package.json': file('{"name":"web","dependencies":{"express":"^4.19.2"}}') },
    });
    expect(outcome.exitCode).toBe(0);
    expect(text).toContain('added 64 packages, and audited 65 packages in 3s');
    expect(outcome.image?.files['/app/node_modules/express/package.json']).toBeDefined();
  });
});

describe('stages, arguments and context', () => {
  const MULTI = `FROM python:3.9-slim AS builder
WORKDIR /src
RUN mkdir -p /out && echo "compiled" > /out/app.txt

FROM python:3.9-slim
COPY --from=builder /out/app.txt /app/app.txt
CMD ["cat", "/app/app.txt"]
`;

  it('builds the stages the final one needs, naming the unnamed stage stage-1', () => {
    const { outcome, text } = build(MULTI);
    expect(outcome.exitCode).toBe(0);
    expect(text).toContain('[builder 1/3] FROM docker.io/library/python:3.9-slim');
    expect(text).toContain('[builder 3/3] RUN mkdir -p /out && echo "compiled" > /out/app.txt');
    expect(text).toContain('[stage-1 2/2] COPY --from=builder /out/app.txt /app/app.txt');
    expect(outcome.image?.files['/app/app.txt']).toMatchObject({ content: 'compiled\n' });
    expect(outcome.image?.files['/out/app.txt']).toBeUndefined();
  });

  it('stops at --target and fails for a stage that does not exist', () => {
    const target = build(MULTI, { target: 'builder' });
    expect(target.text).not.toContain('stage-1');
    expect(target.outcome.image?.files['/out/app.txt']).toBeDefined();
    expect(build(MULTI, { target: 'nope' }).text.endsWith('ERROR: failed to solve: target stage "nope" could not be found\n')).toBe(true);
  });

  it('takes ARG defaults, --build-arg overrides, and expands them in FROM and ENV', () => {
    const dockerfile = 'ARG TAG=3.9-slim\nFROM python:${TAG}\nARG GREETING=hello\nENV MESSAGE=$GREETING\n';
    expect(build(dockerfile).outcome.image?.config.env).toContain('MESSAGE=hello');
    expect(build(dockerfile, { buildArgs: { GREETING: 'hi' } }).outcome.image?.config.env).toContain('MESSAGE=hi');
  });

  it('leaves out what .dockerignore names', () => {
    const context = { ...project(FIXED), '.dockerignore': file('*.log\n.git\n!keep.log\n'), 'debug.log': file('x'), 'keep.log': file('y'), '.git/HEAD': file('ref') };
    const image = build(FIXED, { context }).outcome.image;
    expect(image?.files['/app/debug.log']).toBeUndefined();
    expect(image?.files['/app/.git/HEAD']).toBeUndefined();
    expect(image?.files['/app/keep.log']).toBeDefined();
  });

  it('fails a COPY of a missing file with the checksum error', () => {
    const { text } = build('FROM python:3.9-slim\nCOPY main.py .\n');
    expect(text).toMatch(/#6 ERROR: failed to calculate checksum of ref [0-9a-f-]{36}::[0-9a-z]{25}: "\/main\.py": not found\n/);
    expect(text).toMatch(/ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f-]{36}::[0-9a-z]{25}: "\/main\.py": not found\n$/);
  });

  it('prints only the image id on stdout with --quiet', () => {
    const { outcome } = build(FIXED, { quiet: true });
    expect(outcome.output.filter((piece) => piece.stream === 'stdout').map((piece) => piece.text).join('')).toBe(`${outcome.image?.id}\n`);
    expect(stderr(outcome)).toBe('');
  });

  it('names the image by each -t and refuses an invalid one before building', () => {
    const { outcome, text } = build(FIXED, { tags: ['myapp:1.0', 'registry.example.com/team/app'] });
    expect(outcome.image?.repoTags).toEqual(['myapp:1.0', 'registry.example.com/team/app:latest']);
    expect(text).toContain('#10 naming to docker.io/library/myapp:1.0 done\n#10 naming to registry.example.com/team/app done\n');
    const invalid = build(FIXED, { tags: ['MyApp'] });
    expect(invalid.outcome.exitCode).toBe(1);
    expect(invalid.text).toBe('ERROR: invalid tag "MyApp": invalid reference format: repository name (library/MyApp) must be lowercase\n');
  });
});

describe('USER', () => {
  it('runs later steps as a user the Dockerfile created, and fails for one that does not exist', () => {
    const ok = build('FROM python:3.9-slim\nRUN useradd -m app\nUSER app\nRUN echo hi\n');
    expect(ok.outcome.exitCode).toBe(0);
    expect(ok.outcome.image?.config.user).toBe('app');
    const missing = build('FROM python:3.9-slim\nUSER app\nRUN echo hi\n');
    expect(missing.text).toContain('#5 [2/2] RUN echo hi\n#5 ERROR: unable to find user app: no matching entries in passwd file\n');
    expect(missing.text.endsWith('ERROR: failed to solve: unable to find user app: no matching entries in passwd file\n')).toBe(true);
  });
});

describe('builds for Compose', () => {
  it("puts the service name in front of the step names, as Compose's builds show them", () => {
    const { text } = build(FIXED, { vertexPrefix: 'web' });
    expect(text).toContain('#1 [web internal] load build definition from Dockerfile\n');
    expect(text).toContain('#6 [web 2/5] WORKDIR /app\n');
    expect(text).toContain('#10 [web] exporting to image\n');
    expect(text).toContain('#11 [web] resolving provenance for metadata file\n');
  });
});

describe('the build context sent', () => {
  it('sends only the paths the Dockerfile copies from, the whole context for COPY . .', () => {
    const big = { 'notes.md': file('x'.repeat(5000)), 'src/main.py': file('print(1)\n'), 'src/util.py': file('u = 1\n') };
    const only = build('FROM python:3.9-slim\nCOPY requirements.txt .\nCOPY src/ /src/\n', { context: project('', big) });
    expect(only.text).toContain('#5 transferring context: 21B done\n');
    const everything = build('FROM python:3.9-slim\nCOPY . .\n', { context: project('', big) });
    expect(everything.text).toMatch(/#5 transferring context: 5\.\d+kB done\n/);
  });
});

describe('plain progress of vertices that run side by side', () => {
  it('closes the vertex it was printing first when several finish at once, as textMux.print does', () => {
    const { text } = build('FROM python:3.9-slim AS build\nRUN echo hi > /hi\nFROM alpine\nCOPY --from=build /hi /hi\n', { lookupBase: baseImageLookup([]) });
    expect(text).toContain(
      [
        '#4 [auth] library/python:pull token for registry-1.docker.io',
        '#4 ...',
        '',
        '#5 [auth] library/alpine:pull token for registry-1.docker.io',
        '#5 DONE 0.0s',
        '',
        '#4 [auth] library/python:pull token for registry-1.docker.io',
        '#4 DONE 0.0s',
        '',
      ].join('\n'),
    );
  });
});
