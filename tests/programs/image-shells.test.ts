// Each image's shell speaks as the real one: dash on Debian and Ubuntu, BusyBox ash on Alpine and BusyBox, and each bash with its own version.

import { describe, expect, it } from 'vitest';
import { createMachine, type Machine } from '../../src/engine/index.ts';
import { runLine } from '../support/run-line.ts';

function run(machine: Machine, line: string) {
  return runLine(machine, line);
}


function machineWith(...images: string[]): Machine {
  const machine = createMachine({ seed: 3 });
  for (const image of images) run(machine, `docker pull -q ${image}`);
  return machine;
}

describe('BASH_VERSION', () => {
  it("is the image's own bash: Ubuntu 24.04's 5.2.21, 22.04's 5.1.16, Debian 12's 5.2.15", () => {
    const machine = machineWith('ubuntu', 'ubuntu:22.04', 'debian', 'python:3.9-slim');
    expect(run(machine, "docker run --rm ubuntu bash -c 'echo $BASH_VERSION'").stdout).toBe('5.2.21(1)-release\n');
    expect(run(machine, "docker run --rm ubuntu:22.04 bash -c 'echo $BASH_VERSION'").stdout).toBe('5.1.16(1)-release\n');
    expect(run(machine, "docker run --rm debian bash -c 'echo $BASH_VERSION'").stdout).toBe('5.2.15(1)-release\n');
    expect(run(machine, "docker run --rm python:3.9-slim bash -c 'echo $BASH_VERSION'").stdout).toBe('5.2.15(1)-release\n');
  });

  it("stays the host's 5.2.15 on the learner's shell, and is unset in dash", () => {
    const machine = machineWith('ubuntu');
    expect(run(machine, 'echo $BASH_VERSION').stdout).toBe('5.2.15(1)-release\n');
    expect(run(machine, "docker run --rm ubuntu sh -c 'echo \"[$BASH_VERSION]\"'").stdout).toBe('[]\n');
  });
});

describe("BusyBox ash's messages (recorded from BusyBox 1.35's sh)", () => {
  it('give no line number to a command that is not found under -c, and `line N` (counted from 0) to a builtin', () => {
    const machine = machineWith('alpine');
    expect(run(machine, "docker run --rm alpine sh -c 'foo'")).toEqual({ stdout: '', stderr: 'sh: foo: not found\n', exitCode: 127 });
    expect(run(machine, "docker run --rm alpine sh -c 'true\ncd /nope'")).toEqual({ stdout: '', stderr: "sh: cd: line 1: can't cd to /nope: No such file or directory\n", exitCode: 2 });
  });

  it('name the script and its line in a script, and the given $0 of a -c string', () => {
    const machine = machineWith('alpine');
    run(machine, 'mkdir app && printf "echo a\\nfoo\\ncd /nope\\n" > app/s.sh');
    expect(run(machine, 'docker run --rm -v ./app:/app -w /app alpine sh s.sh')).toEqual({
      stdout: 'a\n',
      stderr: "s.sh: line 2: foo: not found\ns.sh: cd: line 3: can't cd to /nope: No such file or directory\n",
      exitCode: 2,
    });
    expect(run(machine, "docker run --rm alpine sh -c 'foo' myname").stderr).toBe('myname: line 0: foo: not found\n');
  });

  it('answer a failed redirect with status 1 and ash\'s own words', () => {
    const machine = machineWith('alpine');
    expect(run(machine, "docker run --rm alpine sh -c 'echo x > /x/y; echo $?'")).toEqual({ stdout: '1\n', stderr: "sh: can't create /x/y: nonexistent directory\n", exitCode: 0 });
  });

  it('name the shell by argv[0] when it reads commands piped in', () => {
    const machine = machineWith('alpine');
    expect(run(machine, "echo foo | docker run -i --rm alpine").stderr).toBe('/bin/sh: foo: not found\n');
  });
});

describe("dash's messages", () => {
  it('give a failed redirect status 2', () => {
    const machine = machineWith('ubuntu');
    expect(run(machine, "docker run --rm ubuntu sh -c 'echo x > /x/y; echo $?'")).toEqual({ stdout: '2\n', stderr: 'sh: 1: cannot create /x/y: Directory nonexistent\n', exitCode: 0 });
  });

  it('count the lines of commands piped in', () => {
    const machine = machineWith('ubuntu');
    expect(run(machine, "printf 'echo a\\nfoo\\n' | docker run -i --rm ubuntu sh")).toEqual({ stdout: 'a\n', stderr: 'sh: 2: foo: not found\n', exitCode: 127 });
  });
});

describe("BusyBox's applets in Alpine and BusyBox images, GNU coreutils in Debian and Ubuntu", () => {
  it('word a missing file as BusyBox does, with its statuses', () => {
    const machine = machineWith('alpine', 'busybox', 'ubuntu');
    expect(run(machine, 'docker run --rm alpine ls /nope')).toEqual({ stdout: '', stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 });
    expect(run(machine, 'docker run --rm busybox cat /nope')).toEqual({ stdout: '', stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
    expect(run(machine, "docker run --rm alpine sh -c 'rm /nope; mkdir /etc'").stderr).toBe("rm: can't remove '/nope': No such file or directory\nmkdir: can't create directory '/etc': File exists\n");
    expect(run(machine, 'docker run --rm ubuntu ls /nope')).toEqual({ stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
  });

  it("list a folder in BusyBox's -l format", () => {
    const machine = machineWith('alpine');
    expect(run(machine, 'docker run --rm alpine ls -ld /tmp').stdout).toBe('drwxrwxrwt    2 root     root          4096 May 30  2025 /tmp\n');
  });
});
