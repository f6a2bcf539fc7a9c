// What an image does when it runs: the contract every scripted program in this folder fulfils.

import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import type { Stream } from '../types.ts';

/** The world as a running container's main process sees it. */
export interface ProgramRuntime {
  state: MachineState;
  container: ContainerRecord;
  /** Entrypoint + command, resolved: `['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']`. */
  argv: string[];
  env: Record<string, string>;
  /** Writes to the container's log (and to the terminal when attached). */
  emit(stream: Stream, text: string): void;
  /** Lets virtual time pass inside the process (startup work), moving the clock. */
  wait(ms: number): void;
}

/** A process outcome: it ended with a code, or it keeps running. */
export type ProgramOutcome = { exited: number } | { running: true };

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Client address as the container sees it (the bridge gateway for host curl). */
  remoteAddress: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

export interface ContainerProgram {
  start(run: ProgramRuntime): ProgramOutcome;
  /** Handles a stop signal; returns the exit code the process ends with. */
  stop?(run: ProgramRuntime, signal: 'SIGTERM' | 'SIGINT' | 'SIGKILL' | 'SIGQUIT'): number;
  /** Answers an HTTP request on one of the ports it listens on. */
  http?(run: ProgramRuntime, port: number, request: HttpRequest): HttpResponse | null;
  /** TCP ports the process listens on while running. */
  listens?(run: ProgramRuntime): number[];
}
