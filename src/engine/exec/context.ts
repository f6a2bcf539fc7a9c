// What a running command can touch: the machine state, its input, and an output sink that keeps virtual time.

import type { FileSystem } from '../shell/vfs.ts';
import type { MachineState } from '../state/machine-state.ts';
import type { OutputChunk, Stream } from '../types.ts';

/** Collects output chunks; `wait` makes virtual time pass before the next chunk (and on the clock). */
export class Output {
  readonly chunks: OutputChunk[] = [];
  private pendingDelay = 0;
  private readonly state: MachineState;

  constructor(state: MachineState) {
    this.state = state;
  }

  write(stream: Stream, text: string): void {
    if (text === '') return;
    const last = this.chunks.at(-1);
    if (last && last.stream === stream && this.pendingDelay === 0) {
      last.text += text;
      return;
    }
    this.chunks.push({ stream, text, delay: this.pendingDelay });
    this.pendingDelay = 0;
  }

  stdout(text: string): void {
    this.write('stdout', text);
  }

  stderr(text: string): void {
    this.write('stderr', text);
  }

  /** Lets `ms` of virtual time pass: the clock moves and the next chunk appears that much later. */
  wait(ms: number): void {
    if (ms <= 0) return;
    this.state.clock += ms;
    this.pendingDelay += ms;
  }

  text(stream: Stream): string {
    let text = '';
    for (const chunk of this.chunks) if (chunk.stream === stream) text += chunk.text;
    return text;
  }
}

export interface CommandContext {
  state: MachineState;
  out: Output;
  /** Piped or redirected standard input; `undefined` when stdin is the terminal. */
  stdin: string | undefined;
  tty: boolean;
  columns: number;
  /** The environment of the shell that runs the command. */
  env: Record<string, string>;
  cwd: string;
  /** The file system the shell running the command sees (for `docker build .`, `docker cp`, bind mounts). */
  fs?: FileSystem;
  /**
   * Declares that the command keeps running after it returns (an attached container, `logs -f`);
   * `onInterrupt` runs on Ctrl+C, writes what the interruption prints and returns the exit status
   * the command then ends with. Set by the machine.
   */
  follow?: (onInterrupt: (out: Output) => number) => void;
  /**
   * Waits for a line typed at the terminal (a `[y/N]` confirmation) when stdin is the terminal: the
   * command has printed its question and returns; the machine's next `exec` hands its source to
   * `onAnswer` instead of the shell (`null` when Ctrl+C cancels it). `onAnswer` writes to the `out`
   * it gets and returns the exit status. Set by the machine; absent, there is nobody to ask.
   */
  ask?: (onAnswer: (answer: string | null, out: Output) => number) => void;
}
