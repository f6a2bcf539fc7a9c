// `docker container update` (`docker update`): update configuration of one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import { memorySwapOf } from '../../daemon/container-inspect.ts';
import { reconcileContainers, validateRestartPolicy, type RestartPolicy } from '../../daemon/containers.ts';
import { findContainer } from './each-container.ts';
import { parseRestartPolicy } from './run-options.ts';

const MIN_MEMORY = 6 * 1024 * 1024;

export const updateCommand: CommandDef = {
  path: ['container', 'update'],
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container update', 'docker update'],
  short: 'Update configuration of one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'blkio-weight', kind: 'uint', type: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable', defaultText: '0', defaultValue: 0, bits: 16 },
    { name: 'cpu-period', kind: 'int', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', kind: 'int', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-rt-period', kind: 'int', type: 'int', usage: 'Limit the CPU real-time period in microseconds' },
    { name: 'cpu-rt-runtime', kind: 'int', type: 'int', usage: 'Limit the CPU real-time runtime in microseconds' },
    { name: 'cpu-shares', shorthand: 'c', kind: 'int', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpus', kind: 'decimal', type: 'decimal', usage: 'Number of CPUs' },
    { name: 'cpuset-cpus', kind: 'string', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', kind: 'string', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'memory', shorthand: 'm', kind: 'bytes', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-reservation', kind: 'bytes', type: 'bytes', usage: 'Memory soft limit' },
    { name: 'memory-swap', kind: 'bytes', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap', allowUnlimited: true },
    { name: 'pids-limit', kind: 'int', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)' },
    { name: 'restart', kind: 'string', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  supportedFlags: ['memory', 'memory-swap', 'restart'],
  run(ctx, { flags, args, given }) {
    reconcileContainers(ctx.state);
    if ([...given].filter((name) => name !== 'help').length === 0) {
      ctx.out.stderr('you must provide one or more flags when using this command\n');
      return 1;
    }
    let policy: { name: string; maximumRetryCount: number } | undefined;
    if (typeof flags.restart === 'string' && flags.restart !== '') {
      const parsed = parseRestartPolicy(flags.restart);
      if (!parsed.ok) {
        ctx.out.stderr(`${parsed.message}\n`);
        return 1;
      }
      policy = parsed.value;
    }
    const memory = given.has('memory') && typeof flags.memory === 'number' ? flags.memory : undefined;
    const swap = given.has('memory-swap') && typeof flags['memory-swap'] === 'number' ? flags['memory-swap'] : undefined;
    const errors: string[] = [];
    for (const reference of args) {
      const found = findContainer(ctx, reference);
      if (!found.ok) {
        errors.push(found.text);
        continue;
      }
      const { container } = found;
      const problem =
        (policy && validateRestartPolicy(policy)) ??
        (policy && policy.name !== 'no' && container.hostConfig.autoRemove ? 'Restart policy cannot be updated because AutoRemove is enabled for the container' : null) ??
        (memory !== undefined && memory !== 0 && memory < MIN_MEMORY ? 'Minimum memory limit allowed is 6MB' : null) ??
        // A new limit above the swap limit the container has needs a new swap limit too (moby UpdateContainer).
        (memory !== undefined && memory !== 0 && (swap === undefined || swap === 0) && memory > memorySwapOf(container) && memorySwapOf(container) !== -1
          ? 'Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time'
          : null);
      if (problem) {
        errors.push(`Error response from daemon: Cannot update container ${container.id}: ${problem}`);
        continue;
      }
      if (policy) container.hostConfig.restartPolicy = { name: (policy.name === '' ? 'no' : policy.name) as RestartPolicy['name'], maximumRetryCount: policy.maximumRetryCount };
      if (memory !== undefined && memory !== 0) {
        // The swap limit worked out at create stays as it was, not twice the new memory.
        if (container.hostConfig.memorySwap === undefined) container.hostConfig.memorySwap = memorySwapOf(container);
        container.hostConfig.memory = memory;
      }
      if (swap !== undefined && swap !== 0) container.hostConfig.memorySwap = swap;
      ctx.out.stdout(`${reference}\n`);
    }
    if (errors.length === 0) return 0;
    ctx.out.stderr(`${errors.join('\n')}\n`);
    return 1;
  },
};
