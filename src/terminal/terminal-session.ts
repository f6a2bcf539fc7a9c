// A live terminal: xterm.js on screen, the simulated machine behind it, and the line editor in between.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { createMachine } from './engine.ts';
import type { ExecResult, Machine, OutputChunk } from '../engine/types.ts';
import { LineEditor, splitKeys, type EditorKey } from './line-editor.ts';

/** Longest real pause between two chunks, and longest a command's output may take to play: the
 *  learner should see a pull unfold, not wait for it as long as a real download would take. */
const MAX_CHUNK_DELAY_MS = 400;
const MAX_PLAYBACK_MS = 3000;
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
    this.machine = createMachine(seed ? { seed: Number(seed) } : {});
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
      // Ctrl+C cannot stop what the machine already did, but it can stop making the learner wait for it.
      if (data.includes('\x03')) this.skipDelays = true;
      else this.queuedInput.push(data);
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
        this.mode = 'playing';
        this.pendingSource = '';
        await this.write(`^C${this.editor.finish()}`);
        return this.afterCommand();
      case 'clear-screen':
        return this.write(`\x1b[H\x1b[2J${this.editor.redrawAtTop()}`);
      default:
        return this.write(this.editor.apply(key));
    }
  }

  private async submit(): Promise<void> {
    // Busy from the moment Enter is pressed, so keys typed from now on wait for the command.
    this.mode = 'playing';
    const line = this.editor.line;
    await this.write(this.editor.finish());
    const source = this.pendingSource + line;
    if (!this.machine.isComplete(source)) {
      this.pendingSource = `${source}\n`;
      return this.afterCommand(CONTINUATION_PROMPT);
    }
    this.pendingSource = '';
    this.editor.remember(source);
    if (source.trim() !== '') {
      this.machine.advanceClock(Math.round(performance.now() - this.lastActivity));
      const result = this.machine.exec(source, { tty: true, columns: this.terminal.cols });
      await this.play(result);
      if (result.following) return;
    }
    return this.afterCommand();
  }

  private async interrupt(): Promise<void> {
    this.mode = 'playing';
    await this.write('^C');
    const result = this.machine.interrupt({ tty: true, columns: this.terminal.cols });
    await this.play({ ...result, following: false });
    if (this.terminal.buffer.active.cursorX !== 0) await this.write('\r\n');
    return this.afterCommand();
  }

  private async play(result: ExecResult): Promise<void> {
    this.mode = 'playing';
    this.skipDelays = false;
    const pause = (chunk: OutputChunk) => Math.min(chunk.delay, MAX_CHUNK_DELAY_MS);
    const total = result.chunks.reduce((sum, chunk) => sum + pause(chunk), 0);
    const scale = total > MAX_PLAYBACK_MS ? MAX_PLAYBACK_MS / total : 1;
    for (const chunk of result.chunks) {
      if (chunk.delay > 0 && !this.skipDelays) await sleep(pause(chunk) * scale);
      await this.write(toTerminalText(chunk));
    }
    this.lastActivity = performance.now();
    this.mode = result.following ? 'following' : 'editing';
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
  };
  return keys.map((key) => (key.kind === 'text' ? key.text : (codes[key.kind] ?? ''))).join('');
}

export function startSession(host: HTMLElement): TerminalSession {
  return new TerminalSession(host);
}
