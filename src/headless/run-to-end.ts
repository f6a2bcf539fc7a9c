// Runs one command to its end as a script would: a following command is interrupted at once.

import type { ExecOptions, ExecResult, Machine } from '../engine/index.ts';

export function runToEnd(machine: Machine, source: string, options: ExecOptions): ExecResult {
  const result = machine.exec(source, options);
  if (!result.following) return result;
  const interrupted = machine.interrupt(options);
  return { exitCode: interrupted.exitCode, chunks: [...result.chunks, ...interrupted.chunks], following: false };
}

/** Splits input into commands the way an interactive shell reads them: a command ends where it is complete. */
export function* commandsOf(
  input: string,
  isComplete: (source: string) => boolean,
  /** True while a command waits for an answer: then a blank line is the answer (the default), not nothing. */
  isAsking: () => boolean = () => false,
): Generator<string> {
  const lines = input.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let pending: string[] = [];
  for (const line of lines) {
    pending.push(line);
    const source = pending.join('\n');
    if (isComplete(source)) {
      if (source.trim() !== '' || isAsking()) yield source;
      pending = [];
    }
  }
  // At end of input an incomplete command still runs, so the shell reports what is missing.
  if (pending.length > 0) yield pending.join('\n');
}
