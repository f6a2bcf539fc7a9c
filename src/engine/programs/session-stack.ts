// The shells the learner has entered inside containers, stacked on the host shell: where typed lines go, the prompt, and leaving.

import { finishContainer } from '../daemon/containers.ts';
import type { Output } from '../exec/context.ts';
import type { ContainerRecord, ContainerShellRecord, MachineState } from '../state/machine-state.ts';
import { runInteractiveLine, shellPrompt, type ProcessSink } from './container-process.ts';

export interface TypedLineIo {
  out: Output;
  columns: number;
  /** Declares that a program in the container keeps running until Ctrl+C (ping without -c). */
  follow: (onInterrupt: (out: Output) => number) => void;
}

/** The shell typed lines go to, after dropping shells whose container has gone or stopped. */
export function currentShell(state: MachineState): { record: ContainerShellRecord; container: ContainerRecord } | undefined {
  const shells = state.shells;
  while (shells && shells.length > 0) {
    const record = shells[shells.length - 1];
    const container = state.containers.find((candidate) => candidate.id === record.containerId);
    if (container && container.status === 'running') return { record, container };
    shells.pop();
  }
  return undefined;
}

export function shellDepth(state: MachineState): number {
  return state.shells?.length ?? 0;
}

/** The prompt of the shell the learner is in, or undefined at the host. */
export function containerPrompt(state: MachineState): string | undefined {
  const current = currentShell(state);
  return current ? shellPrompt(current.container, current.record) : undefined;
}

/**
 * Where the shell's terminal output goes: the learner's screen and, for the container's own process, its log
 * (`docker logs` of an `-it` container shows the prompts and what was typed, as the terminal did).
 */
function terminalSink(state: MachineState, record: ContainerShellRecord, container: ContainerRecord, out: Output): ProcessSink {
  return {
    write(stream, text) {
      if (text === '') return;
      // A terminal carries both streams, with CRLF line ends.
      const shown = record.tty ? text.replace(/\r?\n/g, '\r\n') : text;
      const target = record.tty ? 'stdout' : stream;
      out.write(target, shown);
      if (record.kind === 'main') container.logs.push({ stream: target, text: shown, time: state.clock });
    },
    wait(ms) {
      out.wait(ms);
    },
  };
}

/** Leaves the current shell with `status`: an exec'd shell just ends, the main process takes its container down with it. */
export function leaveShell(state: MachineState, status: number): void {
  const current = currentShell(state);
  if (!current) return;
  state.shells?.pop();
  if (state.shells?.length === 0) delete state.shells;
  if (current.record.kind === 'main') finishContainer(state, current.container, status);
  state.host.lastExitCode = status;
}

/** Runs typed lines in the current container shell; `exit` there leaves it. Undefined when the learner is at the host. */
export function runTypedLine(state: MachineState, source: string, io: TypedLineIo): number | undefined {
  const current = currentShell(state);
  if (!current) return undefined;
  const { record, container } = current;
  if (record.kind === 'main' && record.tty) {
    container.logs.push({ stream: 'stdout', text: `${shellPrompt(container, record)}${source.replace(/\n/g, '\r\n')}\r\n`, time: state.clock });
  }
  const sink = terminalSink(state, record, container, io.out);
  const result = runInteractiveLine(state, container, record, source, { sink, columns: io.columns, follow: io.follow });
  if (result.exited) leaveShell(state, result.exitCode);
  return result.exitCode;
}

/** Ctrl+D on an empty line: the shell reads end-of-file and exits (bash says `exit`). */
export function endOfInputInShell(state: MachineState, out: Output): number | undefined {
  const current = currentShell(state);
  if (!current) return undefined;
  const { record, container } = current;
  const status = record.lastExitCode;
  if (record.tty && record.shell === 'bash') terminalSink(state, record, container, out).write('stderr', 'exit\n');
  leaveShell(state, status);
  return status;
}
