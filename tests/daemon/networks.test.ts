// Networks in the simulated daemon: addresses from Docker's pools, endpoints of running containers, name resolution.

import { describe, expect, it } from 'vitest';
import { createMachine } from '../../src/engine/index.ts';
import { resolveName } from '../../src/engine/daemon/networks.ts';
import type { MachineState } from '../../src/engine/state/machine-state.ts';

function machineWith(lines: string[]) {
  const machine = createMachine({ seed: 7 });
  for (const line of lines) {
    const result = machine.exec(line);
    if (result.following) machine.interrupt();
  }
  return machine;
}

function containerNamed(state: MachineState, name: string) {
  const container = state.containers.find((candidate) => candidate.name === name);
  if (!container) throw new Error(`no container ${name}`);
  return container;
}

describe('user-defined networks', () => {
  it('take the next free /16 of the default pools after the default bridge', () => {
    const state = machineWith(['docker network create a', 'docker network create b']).snapshot();
    expect(state.networks.filter((network) => !network.builtin).map((network) => network.subnet)).toEqual(['172.18.0.0/16', '172.19.0.0/16']);
  });

  it('give running containers addresses from .2 up and hand a released one out again', () => {
    const machine = machineWith([
      'docker network create app',
      'docker run -d --name one --network app nginx',
      'docker run -d --name two --network app nginx',
      'docker stop one',
      'docker run -d --name three --network app nginx',
    ]);
    const state = machine.snapshot();
    expect(containerNamed(state, 'one').networks.app.ip).toBe('');
    expect(containerNamed(state, 'two').networks.app.ip).toBe('172.18.0.3');
    expect(containerNamed(state, 'three').networks.app.ip).toBe('172.18.0.2');
  });

  it('resolve container names and network aliases for containers on the same network', () => {
    const state = machineWith([
      'docker network create app',
      'docker run -d --name web --network app nginx',
      'docker run -d --name db --network app --network-alias database redis',
    ]).snapshot();
    const web = containerNamed(state, 'web');
    expect(resolveName(state, web, 'db')).toBe('172.18.0.3');
    expect(resolveName(state, web, 'database')).toBe('172.18.0.3');
    expect(resolveName(state, web, containerNamed(state, 'db').id.slice(0, 12))).toBe('172.18.0.3');
    expect(resolveName(state, web, 'nobody')).toBeNull();
  });
});

describe('the default bridge', () => {
  it('gives addresses from 172.17.0.2 but resolves no container names', () => {
    const state = machineWith(['docker run -d --name web nginx', 'docker run -d --name db redis']).snapshot();
    const web = containerNamed(state, 'web');
    expect(web.networks.bridge.ip).toBe('172.17.0.2');
    expect(containerNamed(state, 'db').networks.bridge.ip).toBe('172.17.0.3');
    expect(resolveName(state, web, 'db')).toBeNull();
  });

  it('still lets a container resolve its own hostname', () => {
    const state = machineWith(['docker run -d --name web nginx']).snapshot();
    const web = containerNamed(state, 'web');
    expect(resolveName(state, web, web.config.hostname)).toBe('172.17.0.2');
  });
});

describe('stopped containers', () => {
  it('cannot be reached by name', () => {
    const state = machineWith([
      'docker network create app',
      'docker run -d --name web --network app nginx',
      'docker run -d --name db --network app redis',
      'docker stop db',
    ]).snapshot();
    expect(resolveName(state, containerNamed(state, 'web'), 'db')).toBeNull();
  });
});
