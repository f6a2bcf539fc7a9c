// The RUN process: dash's words for missing programs, && / || / ; lists, and the scripted programs' output.
// dash prints `<arg0>: <line>: <name>: not found` and exits 127; busybox ash prints `<arg0>: <name>: not found`.

import { describe, expect, it } from 'vitest';
import { platformOf, runBuildProcess } from '../../src/engine/builder/run-script.ts';
import type { FsTree } from '../../src/engine/state/machine-state.ts';

const DEBIAN_PYTHON = platformOf('python:3.9-slim', ['PYTHON_VERSION=3.9.23']);

function sh(script: string, files: FsTree = {}, platform = DEBIAN_PYTHON) {
  const result = runBuildProcess({ argv: ['/bin/sh', '-c', script], env: { PATH: '/usr/bin', HOME: '/root' }, workdir: '/app', files, platform, clock: 0 });
  return { ...result, text: result.lines.map((line) => line.text).join('\n') };
}

describe('the shell of a RUN step', () => {
  it("fails the notes' CMD as dash does: the single quotes go, the bracket stays", () => {
    const result = sh("['python', 'app.py']");
    expect(result.text).toBe('/bin/sh: 1: [python,: not found');
    expect(result.exitCode).toBe(127);
  });

  it('numbers the failing line and uses ash words on Alpine', () => {
    expect(sh('echo one\nfoo').text).toBe('one\n/bin/sh: 2: foo: not found');
    expect(sh('foo', {}, platformOf('alpine:3.22', [])).text).toBe('/bin/sh: foo: not found');
  });

  it('runs && and || lists and ; sequences with their exit statuses', () => {
    expect(sh('false || echo rescued; echo next').text).toBe('rescued\nnext');
    expect(sh('true && false').exitCode).toBe(1);
    expect(sh('exit 3').exitCode).toBe(3);
  });

  it('expands variables and keeps quoted spaces', () => {
    const result = runBuildProcess({ argv: ['/bin/sh', '-c', 'echo "$GREETING,   ${NAME:-world}"'], env: { GREETING: 'hello' }, workdir: '/', files: {}, platform: DEBIAN_PYTHON, clock: 0 });
    expect(result.lines.map((line) => line.text)).toEqual(['hello,   world']);
  });

  it('writes files through redirections and creates directories', () => {
    const files: FsTree = {};
    sh('mkdir -p /srv/data && echo a > /srv/data/x && echo b >> /srv/data/x', files);
    expect(files['/srv/data/x']).toMatchObject({ type: 'file', content: 'a\nb\n' });
  });

  it('has no pip in an image without Python', () => {
    expect(sh('pip install flask', {}, platformOf('ubuntu:24.04', [])).text).toBe('/bin/sh: 1: pip: not found');
  });
});

describe('pip', () => {
  it('refuses to install nothing, with its own error and the version notice', () => {
    const result = sh('pip install');
    expect(result.exitCode).toBe(1);
    expect(result.text).toBe(
      'ERROR: You must give at least one requirement to install (see "pip help install")\n\n[notice] A new release of pip is available: 23.0.1 -> 25.1.1\n[notice] To update, run: pip install --upgrade pip',
    );
  });

  it('installs what requirements.txt lists, dependencies first, and reports them sorted', () => {
    const files: FsTree = { '/app/requirements.txt': { type: 'file', content: 'requests==2.32.3\n# comment\n', mode: 0o644, mtime: 0 } };
    const result = sh('pip install --no-cache-dir -r requirements.txt', files);
    expect(result.text).toContain('Collecting requests==2.32.3\n  Downloading requests-2.32.3-py3-none-any.whl (64 kB)\n');
    expect(result.text).toContain('Installing collected packages: charset-normalizer, idna, urllib3, certifi, requests\n');
    expect(result.text).toContain('Successfully installed certifi-2024.7.4 charset-normalizer-3.3.2 idna-3.7 requests-2.32.3 urllib3-2.2.2\n');
    expect(result.addedBytes).toBeGreaterThan(0);
  });

  it('says why a requirements file or a package cannot be found', () => {
    expect(sh('pip install -r nope.txt').text).toContain("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'");
    expect(sh('pip install flaskk').text).toContain('ERROR: Could not find a version that satisfies the requirement flaskk (from versions: none)\nERROR: No matching distribution found for flaskk');
  });
});

describe('pip with packages already installed', () => {
  it('says the requirement is satisfied, naming who asked for it', () => {
    const files: FsTree = {};
    sh('pip install flask', files);
    const again = sh('pip install flask', files);
    expect(again.text).toContain('Requirement already satisfied: flask in /usr/local/lib/python3.9/site-packages (3.0.3)\n');
    expect(again.text).toContain('Requirement already satisfied: Werkzeug>=3.0.0 in /usr/local/lib/python3.9/site-packages (from flask) (3.0.3)\n');
    expect(again.text).not.toContain('Successfully installed');
  });
});

describe("the image built from the notes' Dockerfile", () => {
  it("fails its CMD when a container runs it, with dash's message and 127", async () => {
    const { platformOfImage } = await import('../../src/engine/builder/run-script.ts');
    const image = {
      id: 'sha256:x',
      repoTags: ['myapp:latest'],
      repoDigests: [],
      created: 0,
      size: 0,
      layers: [],
      files: {},
      config: { cmd: ['/bin/sh', '-c', "['python', 'app.py']"], entrypoint: null, env: ['PYTHON_VERSION=3.9.23'], workingDir: '/app', exposedPorts: [], user: '', volumes: [], labels: {}, program: 'python' },
    };
    const result = runBuildProcess({ argv: image.config.cmd, env: {}, workdir: '/app', files: {}, platform: platformOfImage(image), clock: 0 });
    expect(result.lines.map((line) => line.text)).toEqual(['/bin/sh: 1: [python,: not found']);
    expect(result.exitCode).toBe(127);
  });
});
