// `docker container attach` (`docker attach`): attach local standard input, output, and error streams to a running container.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers, stopContainer } from '../../daemon/containers.ts';
import { isBareShell } from '../../programs/container-process.ts';
import { enterShell, mainShellRecord } from '../../programs/shell-image.ts';
import { findContainer } from './each-container.ts';
import { NOT_A_TTY, stdinIsNotATty } from './exec.ts';

export const attachCommand: CommandDef = {
  path: ['container', 'attach'],
  use: 'attach [OPTIONS] CONTAINER',
  aliases: ['docker container attach', 'docker attach'],
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', kind: 'bool', type: '', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', kind: 'bool', type: '', usage: 'Proxy all received signals to the process', defaultText: 'true', defaultValue: true },
  ],
  supportedFlags: ['no-stdin', 'sig-proxy'],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const found = findContainer(ctx, invocation.args[0]);
    if (!found.ok) {
      ctx.out.stderr(`${found.text}\n`);
      return 1;
    }
    const { container } = found;
    if (container.status !== 'running' && container.status !== 'paused') {
      ctx.out.stderr('You cannot attach to a stopped container, start it first\n');
      return 1;
    }
    if (container.status === 'paused') {
      ctx.out.stderr('You cannot attach to a paused container, unpause it first\n');
      return 1;
    }
    const withStdin = invocation.flags['no-stdin'] !== true;
    if (stdinIsNotATty(ctx, withStdin, container.config.tty)) {
      ctx.out.stderr(NOT_A_TTY);
      return 1;
    }
    const state = ctx.state;
    const argv = [container.path, ...container.args];
    const alreadyIn = (state.shells ?? []).some((shell) => shell.containerId === container.id && shell.kind === 'main');
    if (withStdin && container.config.openStdin && ctx.stdin === undefined && !alreadyIn && isBareShell(state, container, argv)) {
      // The learner now types into the container's own shell; leaving it ends the container.
      const record = mainShellRecord(state, container, argv[0]);
      if (record) {
        enterShell(state, record);
        return 0;
      }
    }
    // Otherwise the output follows until Ctrl+C, which docker attach hands on to the process (sig-proxy).
    const proxy = invocation.flags['sig-proxy'] !== false;
    const tty = container.config.tty;
    ctx.follow?.((out) => {
      if (proxy || tty) stopContainer(state, container, 'SIGINT', { out, tty });
      if (container.status === 'running' || container.status === 'paused') return 130;
      return container.exitCode;
    });
    return 0;
  },
};
