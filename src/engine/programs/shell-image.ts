// Images whose main process is a shell or a plain command (alpine, busybox, ubuntu, debian).

import type { ContainerProgram } from './program.ts';

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash']);

export const shellImageProgram: ContainerProgram = {
  start(run) {
    const [command, ...args] = run.argv;
    if (SHELLS.has(command) && args.length === 0) {
      // A shell with no terminal and no open stdin reads EOF at once and exits cleanly.
      return run.container.config.tty || run.container.config.openStdin ? { running: true } : { exited: 0 };
    }
    if (command === 'echo' || command === '/bin/echo') {
      run.emit('stdout', `${args.join(' ')}\n`);
      return { exited: 0 };
    }
    return { exited: 0 };
  },
  stop(_run, signal) {
    return signal === 'SIGKILL' ? 137 : 143;
  },
};
