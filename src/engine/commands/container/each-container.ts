// How docker/cli's commands over several containers report: each success prints, the failures follow, exit 1 if any.

import type { CommandContext } from '../../exec/context.ts';
import { lookupContainer } from '../../daemon/containers.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';

/** The client refuses an empty name before it sends anything (docker/cli's `trimID`). */
export const EMPTY_REFERENCE = 'invalid container name or ID: value is empty';

/** What one container's operation answered: a line for stdout, or the daemon's error message. */
export type Answer = { ok: true; line?: string } | { ok: false; message: string; notFound?: boolean };

/** A daemon lookup, as the client prints its failure (`Error response from daemon: No such container: x`). */
export function findContainer(ctx: CommandContext, reference: string): { ok: true; container: ContainerRecord } | { ok: false; text: string; notFound: boolean } {
  if (reference === '') return { ok: false, text: EMPTY_REFERENCE, notFound: false };
  const found = lookupContainer(ctx.state, reference);
  if (!found.ok) return { ok: false, text: `Error response from daemon: ${found.message}`, notFound: found.kind === 'notFound' };
  return found;
}

export interface EachOptions {
  /** What a success prints when the operation gives no line of its own: the reference as typed (the default). */
  echo?: boolean;
  /** Print failures as they happen (docker start) rather than together at the end (stop, kill, rm…). */
  inline?: boolean;
  /** `rm -f`: a container that does not exist is reported but does not fail the command. */
  forgiveNotFound?: boolean;
  /** A last line after the failures, given the references that failed (`Error: failed to start containers: a, b`). */
  summary?: (failed: string[]) => string;
  /** docker rm's own check: it trims `/` from each name before sending it, and refuses a name that leaves nothing. */
  trimSlashes?: boolean;
}

/** Runs `operate` on each reference in order, as the parallel operations of docker/cli report them. */
export function eachContainer(
  ctx: CommandContext,
  references: readonly string[],
  operate: (container: ContainerRecord, reference: string) => Answer,
  options: EachOptions = {},
): number {
  const errors: string[] = [];
  const failed: string[] = [];
  const fail = (text: string, reference: string) => {
    failed.push(reference);
    if (options.inline) ctx.out.stderr(`${text}\n`);
    else errors.push(text);
  };
  for (const typed of references) {
    const reference = options.trimSlashes ? typed.replace(/^\/+|\/+$/g, '') : typed;
    if (options.trimSlashes && reference === '') {
      fail('container name cannot be empty', typed);
      continue;
    }
    const found = findContainer(ctx, reference);
    if (!found.ok) {
      if (options.forgiveNotFound && found.notFound) {
        ctx.out.stderr(`${found.text}\n`);
        continue;
      }
      fail(found.text, typed);
      continue;
    }
    const answer = operate(found.container, reference);
    if (!answer.ok) {
      if (options.forgiveNotFound && answer.notFound) {
        ctx.out.stderr(`Error response from daemon: ${answer.message}\n`);
        continue;
      }
      fail(`Error response from daemon: ${answer.message}`, typed);
      continue;
    }
    if (answer.line !== undefined) ctx.out.stdout(`${answer.line}\n`);
    else if (options.echo !== false) ctx.out.stdout(`${typed}\n`);
  }
  if (errors.length > 0) ctx.out.stderr(`${errors.join('\n')}\n`);
  if (failed.length > 0 && options.summary) ctx.out.stderr(`${options.summary(failed)}\n`);
  return failed.length > 0 ? 1 : 0;
}
