// A built image carries its base image's history rows and layers, as BuildKit's image exporter writes them.

import { describe, expect, it } from 'vitest';
import { createMachine, streamText } from '../../src/engine/index.ts';
import { hubHistory } from '../../src/engine/registry/hub-history.ts';
import type { MachineState } from '../../src/engine/state/machine-state.ts';
import { runToEnd } from '../../src/headless/run-to-end.ts';

function machine() {
  const m = createMachine({ seed: 3 });
  const run = (line: string) => {
    const result = runToEnd(m, line, { tty: false });
    return { stdout: streamText(result, 'stdout'), stderr: streamText(result, 'stderr'), exitCode: result.exitCode };
  };
  const write = (path: string, text: string): void => {
    expect(run(`cat > ${path} <<'EOF'\n${text}EOF`).exitCode).toBe(0);
  };
  run('mkdir -p app && cd app');
  const image = (tag: string) => m.snapshot().images.find((candidate) => candidate.repoTags.includes(tag));
  const state = (): MachineState => m.snapshot();
  return { run, write, image, state };
}

const ROWS = "--format '{{.ID}}|{{.CreatedBy}}|{{.Size}}' --no-trunc";

describe('docker history of a built image', () => {
  it("lists the build's rows on top of the base image's own, with <missing> below the top", () => {
    const { run, write, image } = machine();
    write('Dockerfile', 'FROM alpine\nRUN echo hi > /hi.txt\n');
    expect(run('docker build -q -t myapp .').exitCode).toBe(0);
    const id = image('myapp:latest')?.id;
    expect(run(`docker history ${ROWS} myapp`).stdout).toBe(
      [`${id}|RUN /bin/sh -c echo hi > /hi.txt # buildkit|3B`, '<missing>|CMD ["/bin/sh"]|0B', '<missing>|ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit|8.31MB', ''].join('\n'),
    );
  });

  it("takes a local base's rows from the store: a pulled image's from the Hub, a built image's from its record", () => {
    const { run, write, image } = machine();
    run('docker pull -q python:3.9-slim');
    write('Dockerfile', 'FROM python:3.9-slim\nENV MODE=prod\n');
    run('docker build -q -t first .');
    const python = image('python:3.9-slim');
    const pythonRows = hubHistory(python?.id ?? '') ?? [];
    expect(pythonRows.length).toBeGreaterThan(5);
    expect(image('first:latest')?.history?.map((entry) => entry.createdBy)).toEqual([...pythonRows.map((entry) => entry.createdBy), 'ENV MODE=prod']);
    write('Dockerfile', 'FROM first\nCMD ["python", "-V"]\n');
    run('docker build -q -t second .');
    expect(image('second:latest')?.history?.map((entry) => entry.createdBy)).toEqual([...pythonRows.map((entry) => entry.createdBy), 'ENV MODE=prod', 'CMD ["python" "-V"]']);
    expect(image('second:latest')?.layers).toEqual(python?.layers);
  });

  it("carries only the final stage's base in a multi-stage build", () => {
    const { run, write, image } = machine();
    write('Dockerfile', 'FROM python:3.9-slim AS build\nRUN echo built > /out.txt\nFROM alpine\nCOPY --from=build /out.txt /out.txt\n');
    expect(run('docker build -q -t multi .').exitCode).toBe(0);
    const rows = run(`docker history ${ROWS} multi`).stdout.split('\n');
    expect(rows.map((row) => row.split('|')[1])).toEqual(['COPY /out.txt /out.txt # buildkit', 'CMD ["/bin/sh"]', 'ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit', undefined]);
    const alpineRows = run('docker pull -q alpine') && image('alpine:latest');
    expect(image('multi:latest')?.layers.slice(0, -1)).toEqual(alpineRows?.layers);
  });
});

describe("a built image's layers in the store", () => {
  it('counts the layers it shares with its base once in docker system df', () => {
    const { run, write } = machine();
    run('docker pull -q alpine');
    const alone = run("docker system df --format '{{.Type}} {{.Size}}'").stdout.split('\n')[0];
    expect(alone).toBe('Images 8.309MB');
    write('Dockerfile', 'FROM alpine\nRUN echo hi > /hi.txt\n');
    run('docker build -q -t myapp .');
    expect(run("docker system df --format '{{.Type}} {{.TotalCount}} {{.Size}}'").stdout.split('\n')[0]).toBe('Images 2 8.309MB');
    // Of myapp's 8.31MB only the 3 bytes of its RUN layer are its own.
    expect(run('docker system df -v').stdout).toMatch(/\nmyapp +latest +[0-9a-f]{12} +Less than a second ago +8\.31MB +8\.309MB +3B +0\n/);
  });

  it("deletes with docker rmi only the layers no other image holds", () => {
    const { run, write } = machine();
    write('Dockerfile', 'FROM alpine\nRUN echo hi > /hi.txt\n');
    run('docker build -q -t myapp .');
    run('docker tag myapp copy');
    run('docker pull -q alpine');
    run('docker rmi copy');
    const removed = run('docker rmi myapp').stdout.split('\n').filter((line) => line.startsWith('Deleted:'));
    // The image itself and its RUN layer; alpine's layer stays with alpine.
    expect(removed).toHaveLength(2);
    const again = run('docker rmi alpine').stdout.split('\n').filter((line) => line.startsWith('Deleted:'));
    expect(again).toHaveLength(2);
  });
});

describe("the rows each instruction commits (dockerfile2llb's commitToHistory)", () => {
  const createdBy = (dockerfile: string, options = ''): string[] => {
    const { run, write } = machine();
    write('Dockerfile', dockerfile);
    write('a.txt', 'a\n');
    const built = run(`docker build -q -t rows ${options} .`);
    expect(built.stderr).toBe('');
    const rows = run("docker history --no-trunc --format '{{.CreatedBy}}' rows").stdout.split('\n').slice(0, -1).reverse();
    // Leave out alpine's own two rows.
    return rows.slice(2);
  };

  it('writes RUN as the argv joined by spaces, after the stage build arguments as |N KEY=value', () => {
    expect(createdBy('FROM alpine\nARG MODE=dev\nARG EMPTY\nRUN ["echo", "a b"]\nRUN echo $MODE\n', '--build-arg MODE=prod')).toEqual([
      'ARG MODE=prod',
      'ARG EMPTY',
      'RUN |2 MODE=prod EMPTY= echo a b # buildkit',
      'RUN |2 MODE=prod EMPTY= /bin/sh -c echo $MODE # buildkit',
    ]);
  });

  it('writes ENV and LABEL as expanded key=value pairs, each value seeing the variables from before the line', () => {
    expect(createdBy('FROM alpine\nENV A=hello\nENV A=bye B=$A\nENV C "two words"\nLABEL version="1.0" owner=$A\n')).toEqual([
      'ENV A=hello',
      'ENV A=bye B=hello',
      'ENV C=two words',
      'LABEL version=1.0 owner=bye',
    ]);
  });

  it('writes COPY with its sources and destination as given, keeping --chown and --chmod but not --from', () => {
    expect(createdBy('FROM alpine AS src\nRUN echo x > /x\nFROM alpine\nENV DIR=/data\nCOPY --chown=1000 --chmod=600 a.txt $DIR/\nCOPY --from=src /x /y\n')).toEqual([
      'ENV DIR=/data',
      'COPY --chown=1000 --chmod=600 a.txt /data/ # buildkit',
      'COPY /x /y # buildkit',
    ]);
  });

  it("writes EXPOSE as a Go map of that line's ports, and CMD, VOLUME, USER, HEALTHCHECK as Go prints their values", () => {
    expect(
      createdBy(
        'FROM alpine\nEXPOSE 80\nEXPOSE 8080/udp 5000\nVOLUME /data /logs\nUSER nobody\nHEALTHCHECK --interval=1m30s --timeout=3s --retries=3 CMD wget -q -O- http://localhost/ || exit 1\nCMD ["sh", "-c", "echo \\"hi\\""]\n',
      ),
    ).toEqual([
      'EXPOSE map[80/tcp:{}]',
      'EXPOSE map[5000/tcp:{} 8080/udp:{}]',
      'VOLUME [/data /logs]',
      'USER nobody',
      `HEALTHCHECK &{["CMD-SHELL" "wget -q -O- http://localhost/ || exit 1"] "1m30s" "3s" "0s" "0s" '\\x03'}`,
      'CMD ["sh" "-c" "echo \\"hi\\""]',
    ]);
  });
});
