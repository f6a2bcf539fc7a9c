// A container's file system: the image's files, the writable layer, named volumes, bind mounts and read-only mounts.

import { describe, expect, it } from 'vitest';
import { createMachine } from '../../src/engine/index.ts';
import { containerFileSystem } from '../../src/engine/daemon/container-fs.ts';
import { isFsError } from '../../src/engine/shell/vfs.ts';
import type { MachineState } from '../../src/engine/state/machine-state.ts';
import { runLine } from '../support/run-line.ts';

type TestMachine = ReturnType<typeof createMachine>;

function machineWith(...lines: string[]): TestMachine {
  const machine = createMachine({ seed: 4 });
  for (const line of lines) {
    const result = machine.exec(line);
    if (result.following) machine.interrupt();
  }
  return machine;
}

function run(machine: TestMachine, line: string) {
  return runLine(machine, line);
}


/** The live state: the file system of a container is a view onto it. */
function liveState(machine: TestMachine): MachineState {
  return (machine as unknown as { state: MachineState }).state;
}

describe("a container's own files", () => {
  it("shows its image's base files, which differ between distributions", () => {
    const machine = machineWith('docker pull -q alpine', 'docker pull -q debian');
    expect(run(machine, 'docker run --rm alpine cat /etc/alpine-release').stdout).toBe('3.22.0\n');
    expect(run(machine, 'docker run --rm debian cat /etc/debian_version').stdout).toBe('12.11\n');
    expect(run(machine, 'docker run --rm debian cat /etc/alpine-release').exitCode).toBe(1);
  });

  it('keeps writes and deletions in the writable layer of that container only', () => {
    const machine = machineWith('docker pull -q alpine', 'docker run -d --name one alpine sleep 100', 'docker run -d --name two alpine sleep 100');
    expect(run(machine, "docker exec one sh -c 'echo mine > /root/note; rm /etc/motd; ls /root'").stdout).toBe('note\n');
    const state = liveState(machine);
    const one = state.containers.find((container) => container.name === 'one')!;
    expect(one.upper['/root/note']).toMatchObject({ type: 'file', content: 'mine\n' });
    expect(one.upper['/etc/motd']).toBeNull();
    expect(run(machine, 'docker exec two ls /root').stdout).toBe('');
    expect(run(machine, 'docker exec one cat /root/note').stdout).toBe('mine\n');
  });

  it('hides a deleted image file behind a whiteout', () => {
    const machine = machineWith('docker pull -q alpine', 'docker run -d --name one alpine sleep 100');
    expect(run(machine, 'docker exec one rm /etc/alpine-release').exitCode).toBe(0);
    const one = liveState(machine).containers.find((container) => container.name === 'one')!;
    expect(one.upper['/etc/alpine-release']).toBeNull();
    expect(run(machine, 'docker exec one ls /etc').stdout).not.toContain('alpine-release');
    expect(run(machine, 'docker exec one cat /etc/alpine-release').exitCode).toBe(1);
  });

  it('writes the host name Docker gives the container into /etc/hostname', () => {
    const machine = machineWith('docker pull -q alpine', 'docker run -d --name one --hostname box alpine sleep 100');
    expect(run(machine, 'docker exec one cat /etc/hostname').stdout).toBe('box\n');
  });
});

describe('mounts', () => {
  it('keeps what is written under a named volume after the container is removed', () => {
    const machine = machineWith('docker pull -q alpine');
    run(machine, "docker run --name writer -v data:/data alpine sh -c 'mkdir /data/sub && echo kept > /data/sub/f'");
    run(machine, 'docker rm writer');
    const volume = liveState(machine).volumes.find((candidate) => candidate.name === 'data')!;
    expect(volume.files['/sub/f']).toMatchObject({ content: 'kept\n' });
    expect(run(machine, 'docker run --rm -v data:/srv alpine cat /srv/sub/f').stdout).toBe('kept\n');
  });

  it('shows host files in a bind mount, and the host sees what the container writes there', () => {
    const machine = machineWith('docker pull -q alpine', 'mkdir site', 'echo hello > site/a.txt', 'ls site');
    expect(run(machine, "docker run --rm -v ~/site:/site alpine sh -c 'cat /site/a.txt; echo back > /site/b.txt'").stdout).toBe('hello\n');
    expect(run(machine, 'ls site').stdout).toBe('a.txt\nb.txt\n');
    expect(run(machine, 'cat site/b.txt').stdout).toBe('back\n');
  });

  it('refuses writes under a read-only mount with EROFS', () => {
    const machine = machineWith('docker pull -q alpine', 'mkdir site', 'docker run -d --name ro -v ~/site:/site:ro alpine sleep 100');
    const state = liveState(machine);
    const fs = containerFileSystem(state, state.containers.find((container) => container.name === 'ro')!);
    const refused = fs.writeFile('/site/x', 'no');
    expect(isFsError(refused) && refused.errno).toBe('EROFS');
    expect(fs.writeFile('/tmp/x', 'yes')).toBeUndefined();
  });

  it('makes the mount point even when the image has no such folder', () => {
    const machine = machineWith('docker pull -q alpine');
    expect(run(machine, 'docker run --rm -v v1:/deep/inside/here alpine ls -d /deep/inside/here').stdout).toBe('/deep/inside/here\n');
  });

  it('fills an empty named volume with what the image has at the mount point', () => {
    const machine = machineWith('docker pull -q nginx');
    expect(run(machine, 'docker run --rm -v pages:/usr/share/nginx/html nginx ls /usr/share/nginx/html').stdout).toBe('50x.html\nindex.html\n');
    const volume = liveState(machine).volumes.find((candidate) => candidate.name === 'pages')!;
    expect(Object.keys(volume.files).sort()).toEqual(['/', '/50x.html', '/index.html']);
  });
});
