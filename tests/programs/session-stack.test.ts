// Shells entered inside containers: where typed lines go, the prompt, leaving with exit or Ctrl+D, and a reload in between.

import { describe, expect, it } from 'vitest';
import { createMachine, loadMachine, streamText, type Machine } from '../../src/engine/index.ts';

const TTY = { tty: true, columns: 80 };

function type(machine: Machine, line: string): { out: string; exitCode: number } {
  let result = machine.exec(line, TTY);
  const chunks = [...result.chunks];
  if (result.following) {
    result = machine.interrupt(TTY);
    chunks.push(...result.chunks);
  }
  return { out: streamText({ ...result, chunks }, 'stdout') + streamText({ ...result, chunks }, 'stderr'), exitCode: result.exitCode };
}

function statusOf(machine: Machine, name: string): string {
  return type(machine, `docker ps -a --filter name=^${name}$ --format "{{.Status}}"`).out.trim();
}

describe('docker run -it', () => {
  it("puts the learner in the container's bash, with its prompt, until exit stops the container", () => {
    const machine = createMachine({ seed: 2 });
    type(machine, 'docker pull -q ubuntu');
    expect(type(machine, 'docker run -it --name box ubuntu bash').exitCode).toBe(0);
    expect(machine.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect(type(machine, 'cat /etc/os-release | head -1').out).toBe('PRETTY_NAME="Ubuntu 24.04.2 LTS"\r\n');
    type(machine, 'cd /tmp');
    expect(machine.prompt()).toMatch(/^root@[0-9a-f]{12}:\/tmp# $/);
    const left = type(machine, 'exit 3');
    expect(left.exitCode).toBe(3);
    expect(left.out).toBe('exit\r\n');
    expect(machine.prompt()).toBe('learner@dockyard:~$ ');
    expect(statusOf(machine, 'box')).toBe('Exited (3) Less than a second ago');
  });

  it('shows BusyBox sh its own prompt and leaves on Ctrl+D', () => {
    const machine = createMachine({ seed: 2 });
    type(machine, 'docker pull -q alpine');
    type(machine, 'docker run -it --name tiny alpine');
    expect(machine.prompt()).toBe('/ # ');
    const eof = machine.endOfInput();
    expect(eof.exitCode).toBe(0);
    expect(machine.prompt()).toBe('learner@dockyard:~$ ');
    expect(statusOf(machine, 'tiny')).toBe('Exited (0) Less than a second ago');
  });

  it('writes the prompts and typed lines into the container log, as the terminal showed them', () => {
    const machine = createMachine({ seed: 2 });
    type(machine, 'docker pull -q ubuntu');
    type(machine, 'docker run -it --name box ubuntu bash');
    type(machine, 'echo hi');
    type(machine, 'exit');
    expect(type(machine, 'docker logs box').out).toMatch(/^root@[0-9a-f]{12}:\/# echo hi\r\nhi\r\nroot@[0-9a-f]{12}:\/# exit\r\nexit\r\n$/);
  });
});

describe('docker exec -it', () => {
  it('opens a second shell; leaving it leaves the container running', () => {
    const machine = createMachine({ seed: 3 });
    type(machine, 'docker pull -q nginx');
    type(machine, 'docker run -d --name web nginx');
    type(machine, 'docker exec -it web bash');
    expect(machine.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect(type(machine, 'exit').exitCode).toBe(0);
    expect(machine.prompt()).toBe('learner@dockyard:~$ ');
    expect(statusOf(machine, 'web')).toMatch(/^Up /);
  });

  it("returns the shell's exit status as docker exec's", () => {
    const machine = createMachine({ seed: 3 });
    type(machine, 'docker pull -q alpine');
    type(machine, 'docker run -dit --name shell alpine');
    type(machine, 'docker exec -it shell sh');
    expect(type(machine, 'exit 7').exitCode).toBe(7);
    expect(type(machine, 'echo $?').out).toBe('7\n');
  });
});

describe('a reload', () => {
  it('restores the shell the learner was in, its directory and variables', () => {
    const machine = createMachine({ seed: 5 });
    type(machine, 'docker pull -q ubuntu');
    type(machine, 'docker run -it --name box ubuntu bash');
    type(machine, 'cd /etc && GREETING=hello');
    const loaded = loadMachine(machine.serialize());
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.machine.prompt()).toMatch(/^root@[0-9a-f]{12}:\/etc# $/);
    expect(type(loaded.machine, 'echo $GREETING $(pwd)').out).toBe('hello /etc\r\n');
    type(loaded.machine, 'exit');
    expect(loaded.machine.prompt()).toBe('learner@dockyard:~$ ');
  });

  it('drops a shell whose container is gone', () => {
    const machine = createMachine({ seed: 5 });
    type(machine, 'docker pull -q ubuntu');
    type(machine, 'docker run -it --name box ubuntu bash');
    const saved = JSON.parse(machine.serialize());
    saved.containers = [];
    const loaded = loadMachine(JSON.stringify(saved));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.machine.prompt()).toBe('learner@dockyard:~$ ');
  });
});
