// What `GET /containers/{id}/stats` would measure, made up deterministically: memory, CPU, network, block I/O, PIDs.

import { programFor } from '../programs/index.ts';
import { subMillisecondNanos } from '../format/go-time.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { programRuntime } from './containers.ts';

export interface ContainerStats {
  cpuPercent: number;
  memory: number;
  memoryLimit: number;
  networkRx: number;
  networkTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

const MIB = 1024 * 1024;

/** Resident memory an idle process of each scripted program holds, in bytes (what `docker stats` shows as usage). */
const MEMORY_BY_PROGRAM: Record<string, number> = {
  nginx: 7.9 * MIB,
  postgres: 37.6 * MIB,
  redis: 8.4 * MIB,
  python: 24.3 * MIB,
  node: 41.2 * MIB,
  shell: 1.1 * MIB,
  'hello-world': 0.3 * MIB,
};

const WRITES_BY_PROGRAM: Record<string, number> = { nginx: 8192, postgres: 48_807_936, redis: 4096 };

function jitter(seed: string, spread: number): number {
  return 1 + ((subMillisecondNanos(seed) % 1000) / 1000 - 0.5) * spread;
}

function programName(state: MachineState, container: ContainerRecord): string {
  return state.images.find((image) => image.id === container.imageId)?.config.program ?? 'shell';
}

/** Requests served, as the access log lines an HTTP server wrote (`"GET / HTTP/1.1" 200`). */
function requestsServed(container: ContainerRecord): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const entry of container.logs) {
    for (const match of entry.text.matchAll(/"[A-Z]+ [^"]*" \d{3} (\d+)/g)) {
      count++;
      bytes += Number(match[1]);
    }
  }
  return { count, bytes };
}

/** One stats sample for a container at the current virtual time; a stopped container reads all zeros. */
export function containerStats(state: MachineState, container: ContainerRecord, hostMemory: number, hostCpus: number): ContainerStats {
  const running = container.status === 'running' || container.status === 'paused';
  if (!running) return { cpuPercent: 0, memory: 0, memoryLimit: 0, networkRx: 0, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 0 };
  const name = programName(state, container);
  const memoryLimit = container.hostConfig.memory > 0 ? Math.min(container.hostConfig.memory, hostMemory) : hostMemory;
  const memory = Math.round((MEMORY_BY_PROGRAM[name] ?? 2 * MIB) * jitter(`${container.id}:mem`, 0.06));
  const uptime = Math.max(0, state.clock - container.startedAt) / 1000;
  const onNetwork = Object.entries(container.networks).some(([network, endpoint]) => network !== 'host' && network !== 'none' && endpoint.ip !== '');
  const served = requestsServed(container);
  // A bridge endpoint hears a little traffic from the start (neighbour discovery), then requests add theirs.
  const background = onNetwork && uptime >= 1 ? 796 + 70 * Math.min(12, Math.floor(uptime / 30)) : 0;
  const networkRx = background + served.count * 78;
  const networkTx = onNetwork ? served.bytes + served.count * 238 : 0;
  const program = programFor(state, container);
  const processes = program.processes?.(programRuntime(state, container))?.length ?? (name === 'nginx' ? 1 + hostCpus : 1);
  const idle = container.status === 'paused' || name === 'nginx' || name === 'shell' || name === 'hello-world';
  const cpuPercent = idle ? 0 : (subMillisecondNanos(`${container.id}:cpu:${Math.floor(uptime)}`) % 4) / 100;
  return {
    cpuPercent,
    memory,
    memoryLimit,
    networkRx,
    networkTx,
    blockRead: 0,
    blockWrite: WRITES_BY_PROGRAM[name] ?? 0,
    pids: processes,
  };
}
