// docker/cli's prompt.Confirm: `MESSAGE [y/N] ` on stdout, then one line of input decides.

import type { CommandContext, Output } from '../exec/context.ts';

/**
 * Asks `message [y/N] ` and continues with the answer: `y` or `Y` (surrounding spaces ignored) is
 * yes, anything else, an empty line or end of input is no. Piped input answers at once from its first
 * line; at the terminal the machine waits for the next line typed (`ctx.ask`), and Ctrl+C cancels
 * with a newline, which Docker treats as a cancelled command (exit 0). `proceed` gets a context whose
 * `out` is where the answer's output goes.
 */
export function confirm(ctx: CommandContext, message: string, proceed: (ctx: CommandContext, yes: boolean) => number): number {
  ctx.out.stdout(`${message} [y/N] `);
  const decide = (line: string | undefined) => /^\s*[yY]\s*$/.test(line ?? '');
  if (ctx.stdin !== undefined) return proceed(ctx, decide(ctx.stdin.split('\n')[0]));
  if (!ctx.ask) return proceed(ctx, false);
  ctx.ask((answer: string | null, out: Output) => {
    if (answer === null) {
      out.stdout('\n');
      return 0;
    }
    return proceed({ ...ctx, out, stdin: undefined }, decide(answer));
  });
  return 0;
}
