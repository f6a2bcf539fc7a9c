// Plays a package manager's timed output (pip, apt-get, npm from the builder's catalogs) onto a terminal as it happens.

import type { CommandContext } from '../exec/context.ts';
import type { ProgramResult } from '../builder/package-managers.ts';

/** Writes each line when its time comes; warnings and errors go to stderr, as the tools print them. */
export function replayTimedLines(ctx: CommandContext, result: ProgramResult): number {
  let now = 0;
  for (const line of result.lines) {
    if (line.at > now) ctx.out.wait(line.at - now);
    now = Math.max(now, line.at);
    const stream = /^(WARNING|ERROR|E|W|npm (ERR|warn|error)):?/.test(line.text) ? 'stderr' : 'stdout';
    ctx.out.write(stream, `${line.text}\n`);
  }
  if (result.duration > now) ctx.out.wait(result.duration - now);
  return result.exitCode;
}
