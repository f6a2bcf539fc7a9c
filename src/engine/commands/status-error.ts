// How docker/cli reports a failed command: `docker: <message>`, then a pointer to the command's help.

import type { CommandContext } from '../exec/context.ts';
import type { Invocation } from '../cli/command.ts';

/** Prints a cli `StatusError` the way `docker run`/`create`/`start` do and returns its exit code. */
export function statusError(ctx: CommandContext, invocation: Invocation, message: string, exitCode = 125): number {
  ctx.out.stderr(`docker: ${message}\n\nRun '${invocation.commandPath} --help' for more information\n`);
  return exitCode;
}

/** Prints a daemon error as most commands do (`Error response from daemon: …`) and returns 1. */
export function daemonFailure(ctx: CommandContext, message: string, exitCode = 1): number {
  ctx.out.stderr(`Error response from daemon: ${message}\n`);
  return exitCode;
}
