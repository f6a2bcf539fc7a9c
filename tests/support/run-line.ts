// Runs one line in a machine to its end, as the sim does, and returns its two streams and exit code.

import { streamText, type ExecOptions, type Machine } from '../../src/engine/index.ts';
import { runToEnd } from '../../src/headless/run-to-end.ts';

export interface Ran {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A following command (attached container, `logs -f`) is interrupted at once, so the line ends. */
export function runLine(machine: Machine, line: string, options: ExecOptions = {}): Ran {
  const result = runToEnd(machine, line, options);
  return { stdout: streamText(result, 'stdout'), stderr: streamText(result, 'stderr'), exitCode: result.exitCode };
}
