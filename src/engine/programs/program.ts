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
  /** A client is attached to the process's output (`docker run` without `-d`, `docker start -a`). */
  attached?: boolean;
  /**
   * What the attached client feeds the process's standard input (`echo ls | docker run -i alpine sh`);
   * absent when the client's stdin is its terminal or not attached.
   */
  stdin?: string;
  /** The attached client's standard input is a terminal the learner types into. */
  interactiveClient?: boolean;
}

/**
 * A process outcome: it ended with a code, it keeps running, it will end by itself after a while
 * (`sleep 5`), or runc could not start it (`exec: "foo": executable file not found in $PATH`).
 */
export type ProgramOutcome = { exited: number } | { running: true } | { exitsAfter: number } | { execError: string };

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Client address as the container sees it (the bridge gateway for host curl). */
  remoteAddress: string;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** A process as `ps` lists it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  /** The executable's name (`ps` without options): `nginx`, `bash`. */
  comm: string;
  /** The full command line (`ps -ef`, `ps aux`): `nginx: master process nginx -g daemon off;`. */
  args: string;
  /** `pts/0` on a terminal, `?` without one. */
  tty: string;
  /** Virtual memory and resident set, KiB. */
  vsz: number;
  rss: number;
  /** `ps aux`'s STAT: `Ss`, `S`, `R+`. */
  stat: string;
  /** Epoch ms. */
  started: number;
}

export type StopSignal = 'SIGTERM' | 'SIGINT' | 'SIGKILL' | 'SIGQUIT';

export interface ContainerProgram {
  start(run: ProgramRuntime): ProgramOutcome;
  /**
   * Handles a stop signal; returns the exit code the process ends with, or a negative number when it
   * ignores the signal (PID 1 without a handler ignores SIGTERM, and `docker stop` waits for SIGKILL).
   */
  stop?(run: ProgramRuntime, signal: StopSignal): number;
  /** Answers an HTTP request on one of the ports it listens on; null when the port is closed. */
  http?(run: ProgramRuntime, port: number, request: HttpRequest): HttpResponse | null;
  /** TCP ports the process listens on while running. */
  listens?(run: ProgramRuntime): number[];
  /** The processes it runs (its workers too); absent: one process, the command itself. */
  processes?(run: ProgramRuntime): ProcessInfo[] | undefined;
}
