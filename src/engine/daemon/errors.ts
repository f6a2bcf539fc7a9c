// Daemon answers that are errors: moby's message text, and the HTTP status class the CLI maps to exit codes.

export interface DaemonError {
  ok: false;
  /** The message after `Error response from daemon: `. */
  message: string;
  /** `notFound` errors make `docker run` exit 125 like any daemon error, but some commands check for them. */
  kind: 'notFound' | 'conflict' | 'invalid' | 'forbidden' | 'system';
}

export type DaemonResult<T> = ({ ok: true } & T) | DaemonError;

export function daemonError(kind: DaemonError['kind'], message: string): DaemonError {
  return { ok: false, kind, message };
}
