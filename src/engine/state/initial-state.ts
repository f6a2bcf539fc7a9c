// A fresh machine: the learner's home folder, Docker's three built-in networks, no images or containers.

import { randomId } from './random.ts';
import { STATE_SCHEMA_VERSION, type MachineState, type NetworkRecord } from './machine-state.ts';

/** 2026-01-05 09:00:00 UTC: a fixed start so transcripts are stable; the browser moves it on with real time. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface InitialStateOptions {
  seed?: number;
  startTime?: number;
}

export const LEARNER = { user: 'learner', hostname: 'dockyard', home: '/home/learner' } as const;

export function createInitialState(options: InitialStateOptions = {}): MachineState {
  const clock = options.startTime ?? DEFAULT_START_TIME;
  const state: MachineState = {
    schema: STATE_SCHEMA_VERSION,
    clock,
    rng: (options.seed ?? 1) >>> 0,
    seq: 0,
    host: {
      user: LEARNER.user,
      hostname: LEARNER.hostname,
      home: LEARNER.home,
      cwd: LEARNER.home,
      env: {
        HOME: LEARNER.home,
        USER: LEARNER.user,
        LOGNAME: LEARNER.user,
        HOSTNAME: LEARNER.hostname,
        SHELL: '/bin/bash',
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        PWD: LEARNER.home,
        LANG: 'C.UTF-8',
        TERM: 'xterm-256color',
      },
      vars: {},
      fs: {
        '/': { type: 'dir', mode: 0o755, mtime: clock },
        '/home': { type: 'dir', mode: 0o755, mtime: clock },
        [LEARNER.home]: { type: 'dir', mode: 0o755, mtime: clock },
        '/tmp': { type: 'dir', mode: 0o1777, mtime: clock },
      },
      history: [],
      lastExitCode: 0,
    },
    images: [],
    containers: [],
    volumes: [],
    networks: [],
  };
  const builtin = (name: string, driver: NetworkRecord['driver'], subnet = '', gateway = ''): NetworkRecord => ({
    id: randomId(state),
    name,
    driver,
    scope: 'local',
    created: clock,
    subnet,
    gateway,
    internal: false,
    labels: {},
    builtin: true,
  });
  state.networks.push(builtin('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1'), builtin('host', 'host'), builtin('none', 'null'));
  return state;
}
