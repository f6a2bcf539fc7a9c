// `docker container update` (`docker update`): update configuration of one or more containers.

import type { CommandDef } from '../../cli/command.ts';

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
};
