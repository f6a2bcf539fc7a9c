// The engine's public contract: what the terminal, the sim and the tests may rely on.

export type Stream = 'stdout' | 'stderr';

/** A piece of output. `delay` is the virtual time (ms) that passes before it appears. */
export interface OutputChunk {
  stream: Stream;
  text: string;
  delay: number;
}

export interface ExecOptions {
  /** Whether output goes to a terminal (the browser terminal is one; a pipe is not). */
  tty?: boolean;
  /** Terminal width, used by progress displays and help wrapping on a TTY. */
  columns?: number;
}

export interface ExecResult {
  exitCode: number;
  chunks: OutputChunk[];
  /**
   * The command keeps running after its chunks (an attached container, `logs -f`): the terminal
   * waits for Ctrl+C and then calls `interrupt()`. The headless sim interrupts at once.
   */
  following: boolean;
  /**
   * The command asked a question (`Are you sure you want to continue? [y/N] `) and waits for one line:
   * the terminal sends the next line, empty or not, to `exec` as the answer (without a prompt), or
   * calls `interrupt()` on Ctrl+C. While a question waits, `prompt()` is empty.
   */
  asking?: boolean;
}

export interface Machine {
  /** Runs one or more shell lines (a heredoc spans several) and returns what they printed. */
  exec(source: string, options?: ExecOptions): ExecResult;
  /** Ctrl+C: ends a following command (and whatever it implies, such as stopping an attached container). */
  interrupt(options?: ExecOptions): ExecResult;
  /**
   * Ctrl+D on an empty line. In a container's shell (`docker run -it`, `docker exec -it`) it leaves that
   * shell, as end-of-file does; at the host prompt it does nothing.
   */
  endOfInput(): ExecResult;
  /** False while the shell would wait for more lines: an open quote, heredoc, trailing `\` or `&&`. */
  isComplete(source: string): boolean;
  /** The prompt to show before the next line, e.g. `learner@dockyard:~$ `. */
  prompt(): string;
  /** Moves the virtual clock on, e.g. by the real time a learner spent between commands. */
  advanceClock(ms: number): void;
  /** The whole machine as versioned JSON; `loadMachine` restores it losslessly. */
  serialize(): string;
}

/** Joins the chunks of one stream, as a pipe would collect them. */
export function streamText(result: ExecResult, stream: Stream): string {
  let text = '';
  for (const chunk of result.chunks) if (chunk.stream === stream) text += chunk.text;
  return text;
}
