// A live terminal: xterm.js on screen, the simulated machine behind it, and the line editor in between.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { createMachine, isScenarioName } from './engine.ts';
import type { ExecOptions, ExecResult, Machine, OutputChunk } from '../engine/types.ts';
import { LineEditor, splitKeys, type EditorKey } from './line-editor.ts';

/** Longest real pause between two chunks, and longest a command's output may take to play: the
 *  learner should see a pull unfold, not wait for it as long as a real download would take. */
const MAX_CHUNK_DELAY_MS = 400;
const MAX_PLAYBACK_MS = 3000;
/** A batch this large is written on its own, so xterm parses it between frames rather than in one long task. */
const MAX_BATCH_CHARACTERS = 16 * 1024;
const CONTINUATION_PROMPT = '> ';

type Mode = 'editing' | 'playing' | 'following';

const THEME = {
  background: '#0d1117',
  foreground: '#e6edf3',
  cursor: '#e6edf3',
  cursorAccent: '#0d1117',
  selectionBackground: '#3b5070',
  black: '#484f58',
  red: '#ff7b72',
  green: '#56d364',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#e6edf3',
  brightBlack: '#8b949e',
  brightRed: '#ffa198',
  brightGreen: '#7ee787',
  brightYellow: '#f2cc60',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#ffffff',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TerminalSession {
  readonly terminal: Terminal;
  private readonly fit = new FitAddon();
  private readonly machine: Machine;
  private readonly editor: LineEditor;
  private mode: Mode = 'editing';
  /** Keys typed while output plays; they are handled, in order, once it has finished. */
  private queuedInput: string[] = [];
  /** Lines of a command that is not complete yet (an open quote, a trailing `\`). */
  private pendingSource = '';
  private skipDelays = false;
  /** Ctrl+C came while output played: a command that keeps running is interrupted once playback ends. */
  private interruptRequested = false;
  /** The last command asked a question (`[y/N]`): the next line, even an empty one, is its answer. */
  private asking = false;
  private lastActivity = performance.now();
  private readonly resizeObserver: ResizeObserver;

  /**
   * `host` is the <docker-terminal> element: xterm opens in its `[data-terminal-screen]`, whose size
   * decides rows and columns, and its data attributes carry the seed and the input's label.
   */
  constructor(host: HTMLElement) {
    const screen = host.querySelector<HTMLElement>('[data-terminal-screen]') ?? host;
    const { seed, inputLabel } = host.dataset;
    const style = getComputedStyle(screen);
    if (inputLabel) Terminal.strings.promptLabel = inputLabel;
    this.terminal = new Terminal({
      // No WebGL or canvas addon is loaded, so xterm draws with its DOM renderer: the text is in the page.
      screenReaderMode: true,
      fontFamily: style.fontFamily,
      fontSize: parseFloat(style.fontSize) || 14,
      lineHeight: 1.2,
      cursorBlink: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      scrollback: 2000,
      theme: THEME,
    });
    this.terminal.loadAddon(this.fit);
    const { scenario } = host.dataset;
    this.machine = createMachine({
      ...(seed ? { seed: Number(seed) } : {}),
      ...(scenario && isScenarioName(scenario) ? { scenario } : {}),
    });
    this.editor = new LineEditor(() => this.terminal.cols);

    screen.replaceChildren();
    this.terminal.open(screen);
    this.fit.fit();
    this.resizeObserver = new ResizeObserver(() => this.fit.fit());
    this.resizeObserver.observe(screen);

    // Tab is not completion yet, so let it move focus out of the terminal instead of trapping it.
    this.terminal.attachCustomKeyEventHandler((event) => event.key !== 'Tab');
    this.terminal.onData((data) => this.receive(data));
    void this.showPrompt(this.machine.prompt());
  }

  focus(): void {
    this.terminal.focus();
  }

  /** Puts a suggested command on the input line, as if the learner had typed it. */
  typeCommand(command: string): void {
    if (this.mode === 'editing') void this.write(this.editor.replace(command));
    else this.queuedInput.push(`\x15${command}`);
    this.focus();
  }

  /** The whole buffer as plain text, wrapped rows joined back into their lines. */
  transcript(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let index = 0; index < buffer.length; index += 1) {
      const line = buffer.getLine(index);
      if (!line) continue;
      // A row that continues on the next one keeps its trailing spaces: they are part of the line.
      const text = line.translateToString(!buffer.getLine(index + 1)?.isWrapped);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines.join('\n').trimEnd();
  }

  dispose(): void {
    this.resizeObserver.disconnect();
    this.terminal.dispose();
  }

  private write(data: string): Promise<void> {
    if (data === '') return Promise.resolve();
    return new Promise((resolve) => this.terminal.write(data, resolve));
  }

  /** Callers await every earlier write first, so xterm's cursor column is where the prompt will start. */
  private showPrompt(prompt: string): Promise<void> {
    return this.write(this.editor.begin(prompt, this.terminal.buffer.active.cursorX));
  }

  private receive(data: string): void {
    if (this.mode === 'playing') {
      if (data.includes('\x03')) {
        // Ctrl+C cannot undo what the machine already did, but it ends the wait: the rest appears at once,
        // and a command that would keep running is stopped as soon as playback reaches it. As a terminal
        // does on an interrupt, it also throws away what was typed ahead.
        this.skipDelays = true;
        this.interruptRequested = true;
        this.queuedInput = [];
      } else {
        this.queuedInput.push(data);
      }
      return;
    }
    if (this.mode === 'following') {
      if (data.includes('\x03')) void this.interrupt();
      return;
    }
    void this.handleKeys(splitKeys(data));
  }

  private async handleKeys(keys: EditorKey[]): Promise<void> {
    for (let index = 0; index < keys.length; index += 1) {
      if (this.mode !== 'editing') {
        // A paste that ran a command: the rest of it waits for the command, as a real shell's input does.
        this.queuedInput.push(keysToData(keys.slice(index)));
        return;
      }
      await this.handleKey(keys[index]);
    }
  }

  private async handleKey(key: EditorKey): Promise<void> {
    switch (key.kind) {
      case 'enter':
        return this.submit();
      case 'interrupt':
        // A question waiting for its answer is the machine's to cancel; an unfinished line is only the editor's.
        if (this.asking) return this.interrupt();
        this.becomeBusy();
        this.pendingSource = '';
        await this.write(`^C${this.editor.finish()}`);
        return this.afterCommand();
      case 'end-of-input':
        if (this.editor.line === '' && this.pendingSource === '') return this.endOfInput();
        return this.write(this.editor.apply(key));
      case 'clear-screen':
        return this.write(`\x1b[H\x1b[2J${this.editor.redrawAtTop()}`);
      default:
        return this.write(this.editor.apply(key));
    }
  }

  private async submit(): Promise<void> {
    // Busy from the moment Enter is pressed, so keys typed from now on wait for the command.
    this.becomeBusy();
    const line = this.editor.line;
    await this.write(this.editor.finish());
    if (this.asking) {
      // The answer goes to the command that asked, empty or not; it is not a shell line, so not history.
      this.asking = false;
      return this.run(line);
    }
    const source = this.pendingSource + line;
    if (!this.machine.isComplete(source)) {
      this.pendingSource = `${source}\n`;
      return this.afterCommand(CONTINUATION_PROMPT);
    }
    this.pendingSource = '';
    this.editor.remember(source);
    if (source.trim() === '') return this.afterCommand();
    return this.run(source);
  }

  private async run(source: string): Promise<void> {
    this.machine.advanceClock(Math.round(performance.now() - this.lastActivity));
    const result = this.machine.exec(source, this.execOptions());
    await this.play(result);
    this.asking = result.asking === true;
    if (result.following) {
      if (this.interruptRequested) return this.interrupt();
      this.mode = 'following';
      return;
    }
    return this.afterCommand();
  }

  /** Ctrl+C for a command that keeps running, or for a question waiting for its answer. */
  private async interrupt(): Promise<void> {
    this.becomeBusy();
    this.asking = false;
    await this.write('^C');
    const result = this.machine.interrupt(this.execOptions());
    await this.play({ ...result, following: false });
    if (this.terminal.buffer.active.cursorX !== 0) await this.write('\r\n');
    return this.afterCommand();
  }

  /**
   * Ctrl+D on an empty line: the machine decides what end of input means (a container's shell exits;
   * the host's shell stays). A question reads a line, and the machine defines no end of input for it.
   */
  private async endOfInput(): Promise<void> {
    if (this.asking) return;
    const promptBefore = this.machine.prompt();
    this.becomeBusy();
    const result = this.machine.endOfInput();
    if (result.chunks.length === 0 && this.machine.prompt() === promptBefore) {
      this.mode = 'editing';
      return;
    }
    await this.play(result);
    return this.afterCommand();
  }

  /** From here until the next prompt, keys wait and Ctrl+C speaks to what runs, not to the line editor. */
  private becomeBusy(): void {
    this.mode = 'playing';
    this.skipDelays = false;
    this.interruptRequested = false;
  }

  private execOptions(): ExecOptions {
    // Read at every command: a resize since the last one changes where help and progress displays wrap.
    return { tty: true, columns: this.terminal.cols };
  }

  /**
   * Writes a command's chunks with their pauses, shortened to fit MAX_PLAYBACK_MS. Every chunk whose
   * time has come goes out in one write, so a long output (a Compose build is hundreds of chunks) costs
   * a few writes per frame rather than one each, and the page stays responsive between them.
   */
  private async play(result: ExecResult): Promise<void> {
    const { chunks } = result;
    const pause = (chunk: OutputChunk) => Math.min(chunk.delay, MAX_CHUNK_DELAY_MS);
    const total = chunks.reduce((sum, chunk) => sum + pause(chunk), 0);
    const scale = total > MAX_PLAYBACK_MS ? MAX_PLAYBACK_MS / total : 1;
    const start = performance.now();
    let dueAt = 0;
    let index = 0;
    while (index < chunks.length) {
      let batch = '';
      while (index < chunks.length) {
        const chunkDueAt = dueAt + pause(chunks[index]) * scale;
        if (!this.skipDelays && chunkDueAt > performance.now() - start) break;
        dueAt = chunkDueAt;
        batch += toTerminalText(chunks[index]);
        index += 1;
        if (batch.length >= MAX_BATCH_CHARACTERS) break;
      }
      if (batch !== '') await this.write(batch);
      else await sleep(dueAt + pause(chunks[index]) * scale - (performance.now() - start));
    }
    this.lastActivity = performance.now();
  }

  private async afterCommand(prompt = this.machine.prompt()): Promise<void> {
    this.mode = 'editing';
    await this.showPrompt(prompt);
    const queued = this.queuedInput.join('');
    this.queuedInput = [];
    if (queued !== '') await this.handleKeys(splitKeys(queued));
  }
}

function toTerminalText(chunk: OutputChunk): string {
  return chunk.text.replace(/\r?\n/g, '\r\n');
}

/** Turns keys back into terminal input, so a queued remainder replays exactly like typed keys. */
function keysToData(keys: EditorKey[]): string {
  const codes: Partial<Record<EditorKey['kind'], string>> = {
    enter: '\r',
    backspace: '\x7f',
    delete: '\x1b[3~',
    left: '\x1b[D',
    right: '\x1b[C',
    home: '\x1b[H',
    end: '\x1b[F',
    up: '\x1b[A',
    down: '\x1b[B',
    interrupt: '\x03',
    'clear-screen': '\x0c',
    'kill-to-start': '\x15',
    'kill-to-end': '\x0b',
    'kill-word-back': '\x17',
    'end-of-input': '\x04',
  };
  return keys.map((key) => (key.kind === 'text' ? key.text : (codes[key.kind] ?? ''))).join('');
}

export function startSession(host: HTMLElement): TerminalSession {
  return new TerminalSession(host);
}
