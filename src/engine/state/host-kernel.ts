// The simulated host's kernel: containers share it, so uname, nginx's log, builds and docker info report it alike.

export const KERNEL_RELEASE = '6.8.0-60-generic';

/** `uname -v` as Ubuntu 24.04's kernel prints it. */
export const KERNEL_BUILD = '#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025';
