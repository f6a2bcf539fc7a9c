// Compose v2's progress display (docker/compose pkg/progress): the redrawn `[+] Running 4/4` block on a
// terminal, one line per event in plain mode; rendered from events on a virtual timeline.

export type EventStatus = 'working' | 'done' | 'warning' | 'error';

/** One progress event, as pkg/progress.Event: the line is `ID Text`, then the status text. */
export interface ProgressEvent {
  id: string;
  parentId?: string;
  text?: string;
  status: EventStatus;
  statusText: string;
  current?: number;
  total?: number;
  percent?: number;
}

export interface TimedEvent {
  /** Virtual milliseconds since the operation started. */
  at: number;
  event: ProgressEvent;
}

export interface ProgressOptions {
  /** `tty` redraws a block; `plain` prints each event; `quiet` prints nothing. */
  mode: 'tty' | 'plain' | 'quiet';
  columns: number;
  rows: number;
  /** `Running`, `Pulling`, `Stopping`, `Removing`… */
  title: string;
  dryRun?: boolean;
  /**
   * No frame before this time: `up` draws its block only once images are built, yet the
   * `Service web  Built` line times the build from its start.
   */
  firstDrawAt?: number;
}

/** A piece of output and the virtual time that passes before it. */
export interface Piece {
  text: string;
  delay: number;
}

/** `api.DRYRUN_PREFIX`. */
export const DRY_RUN_PREFIX = ' DRY-RUN MODE - ';

const ESC = '\x1b[';
const RESET = `${ESC}0m`;
const colour = (code: string) => (text: string) => `${ESC}${code}m${text}${RESET}`;
/** pkg/progress/colors.go, through morikuni/aec. */
const DONE_COLOUR = colour('34');
const TIMER_COLOUR = colour('34');
const COUNT_COLOUR = colour('33');
const WARNING_COLOUR = colour('33;1');
const SUCCESS_COLOUR = colour('32');
const ERROR_COLOUR = colour('31;1');
const PREFIX_COLOUR = colour('36');

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const PERCENT_CHARS = ['⠀', '⡀', '⣀', '⣄', '⣤', '⣦', '⣶', '⣷', '⣿'];
/** The tty writer redraws on a 100 ms ticker. */
export const TICK_MS = 100;

interface EventState extends ProgressEvent {
  startTime: number;
  endTime?: number;
  /** The spinner advances one frame per draw once it is 100 ms old (its clock is never reset). */
  spinnerIndex: number;
  spinnerStopped: boolean;
  spinnerBorn: number;
}

function statusColour(status: EventStatus): (text: string) => string {
  if (status === 'done') return SUCCESS_COLOUR;
  if (status === 'warning') return WARNING_COLOUR;
  if (status === 'error') return ERROR_COLOUR;
  return (text) => text;
}

/** Visible width of a string with colour codes, counted in runes as compose's `lenAnsi` does. */
function visibleLength(text: string): number {
  return [...text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')].length;
}

/** go-units HumanSize (decimal, 3 significant digits, `%.4g` then trimmed). */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(3))}${units[unit]}`;
}

/** Go's `%.1f`: round half to even on the decimal text, as strconv does for these small values. */
function oneDecimal(seconds: number): string {
  return (Math.round(seconds * 10 + Number.EPSILON) / 10).toFixed(1);
}

class TtyState {
  readonly events = new Map<string, EventState>();
  readonly order: string[] = [];
  numLines = 0;
  repeated = false;
  skipChildEvents = false;

  apply(event: ProgressEvent, now: number): void {
    if (!this.order.includes(event.id)) this.order.push(event.id);
    const last = this.events.get(event.id);
    if (last) {
      if ((event.status === 'done' || event.status === 'error' || event.status === 'warning') && last.status !== event.status) {
        last.endTime = now;
        last.spinnerStopped = true;
      }
      if (event.status === 'working') last.spinnerStopped = false;
      last.status = event.status;
      last.text = event.text;
      last.statusText = event.statusText;
      if ((event.total ?? 0) > (last.total ?? 0)) last.total = event.total;
      if ((event.current ?? 0) > (last.current ?? 0)) last.current = event.current;
      if ((event.percent ?? 0) > (last.percent ?? 0)) last.percent = event.percent;
      // A parent may be set or unset, never swapped, so lines do not jump about.
      if (last.parentId === undefined || event.parentId === undefined) last.parentId = event.parentId;
      return;
    }
    const stopped = event.status === 'done' || event.status === 'error';
    this.events.set(event.id, {
      ...event,
      startTime: now,
      ...(stopped ? { endTime: now } : {}),
      spinnerIndex: 0,
      spinnerStopped: stopped,
      spinnerBorn: now,
    });
  }

  private spinner(event: EventState, now: number): string {
    if (event.status === 'done') return SUCCESS_COLOUR('✔');
    if (event.status === 'warning') return WARNING_COLOUR('!');
    if (event.status === 'error') return ERROR_COLOUR('✘');
    if (!event.spinnerStopped && now - event.spinnerBorn > TICK_MS) event.spinnerIndex = (event.spinnerIndex + 1) % SPINNER.length;
    return COUNT_COLOUR(SPINNER[event.spinnerIndex]);
  }

  private lineText(event: EventState, pad: string, now: number, columns: number, statusPadding: number, dryRun: boolean): string {
    const end = event.status === 'working' ? now : (event.endTime ?? event.startTime);
    const elapsed = (end - event.startTime) / 1000;
    let hideDetails = false;
    let total = 0;
    let current = 0;
    const completion: string[] = [];
    // Only a parent still at work shows its children's aggregated progress.
    if (event.status === 'working') {
      for (const id of this.order) {
        const child = this.events.get(id)!;
        if (child.parentId !== event.id) continue;
        if (child.status === 'working' && (child.total ?? 0) === 0) hideDetails = true;
        total += child.total ?? 0;
        current += child.current ?? 0;
        completion.push(PERCENT_CHARS[Math.floor(((PERCENT_CHARS.length - 1) * (child.percent ?? 0)) / 100)]);
      }
    }
    if (total === 0) hideDetails = true;
    let text: string;
    if (completion.length > 0) {
      const details = hideDetails ? '' : ` ${humanSize(current).padStart(7)} / ${humanSize(total).padEnd(7)}`;
      text = `${event.id} [${SUCCESS_COLOUR(completion.join(''))}]${details} ${event.text ?? ''}`;
    } else text = `${event.id} ${event.text ?? ''}`;
    const textLength = visibleLength(text);
    const padding = Math.max(0, statusPadding - textLength);
    const maxStatusLength = columns - textLength - statusPadding - 15;
    let status = event.statusText;
    if (maxStatusLength > 0 && status.length > maxStatusLength) status = `${status.slice(0, maxStatusLength)}...`;
    const prefix = dryRun ? PREFIX_COLOUR(DRY_RUN_PREFIX) : '';
    const left = `${pad} ${this.spinner(event, now)}${prefix} ${text}${' '.repeat(padding)} ${statusColour(event.status)(status)}`;
    const right = TIMER_COLOUR(`${oneDecimal(elapsed)}s `);
    const fill = columns - visibleLength(left) - visibleLength(right);
    return `${left}${fill > 0 ? ' '.repeat(fill) : ''}${right}\n`;
  }

  /** One redraw: back to the top of the block, the title, then every line with its timer at the right edge. */
  frame(now: number, options: ProgressOptions): string {
    if (this.order.length === 0) return '';
    let out = '';
    let moves = '';
    for (let i = 0; i <= this.numLines; i++) moves += `${ESC}1A`;
    if (!this.repeated) moves += `${ESC}1B`;
    this.repeated = true;
    out += `${moves}${ESC}0G${ESC}?25l`;
    const done = [...this.events.values()].filter((event) => event.status !== 'working').length;
    let title = `[+] ${options.title} ${done}/${this.numLines}`;
    if (this.numLines !== 0 && done === this.numLines) title = DONE_COLOUR(title);
    out += `${title}\n`;
    let statusPadding = 0;
    for (const id of this.order) {
      const event = this.events.get(id)!;
      statusPadding = Math.max(statusPadding, `${event.id} ${event.text ?? ''}`.length);
      // compose narrows the padding for every child event, not only once.
      if (event.parentId !== undefined) statusPadding -= 2;
    }
    if (this.order.length > options.rows - 2) this.skipChildEvents = true;
    let lines = 0;
    for (const id of this.order) {
      const event = this.events.get(id)!;
      if (event.parentId !== undefined) continue;
      out += this.lineText(event, '', now, options.columns, statusPadding, options.dryRun ?? false);
      lines++;
      for (const childId of this.order) {
        const child = this.events.get(childId)!;
        if (child.parentId !== event.id || this.skipChildEvents) continue;
        out += this.lineText(child, '  ', now, options.columns, statusPadding, options.dryRun ?? false);
        lines++;
      }
    }
    for (let i = lines; i < this.numLines; i++) {
      if (lines < options.rows - 2) {
        out += `${' '.repeat(options.columns)}\n`;
        lines++;
      }
    }
    this.numLines = lines;
    return `${out}${ESC}?25h`;
  }
}

/** The plain writer: `fmt.Fprintln(out, prefix, ID, Text, StatusText)`, so fields are joined by single spaces. */
export function plainLine(event: ProgressEvent, dryRun = false): string {
  return `${[dryRun ? DRY_RUN_PREFIX : '', event.id, event.text ?? '', event.statusText].join(' ')}\n`;
}

/**
 * Renders a timeline of events ending at `end` ms. On a terminal the block is redrawn every 100 ms
 * from the first tick, and once more when the operation ends; tail messages follow the last frame.
 */
export function renderProgress(timeline: TimedEvent[], end: number, options: ProgressOptions, tail: string[] = []): Piece[] {
  const events = [...timeline].sort((a, b) => a.at - b.at);
  const pieces: Piece[] = [];
  let clock = options.mode === 'tty' ? (options.firstDrawAt ?? 0) : 0;
  const emit = (text: string, at: number) => {
    if (text === '') return;
    pieces.push({ text, delay: Math.max(0, at - clock) });
    clock = Math.max(clock, at);
  };
  if (options.mode === 'quiet') return pieces;
  if (options.mode === 'plain') {
    for (const { at, event } of events) emit(plainLine(event, options.dryRun), at);
    for (const message of tail) emit(`${[options.dryRun ? DRY_RUN_PREFIX : '', message].join(' ')}\n`, end);
    return pieces;
  }
  const state = new TtyState();
  let next = 0;
  const applyUntil = (time: number) => {
    while (next < events.length && events[next].at <= time) {
      state.apply(events[next].event, events[next].at);
      next++;
    }
  };
  for (let tick = TICK_MS; tick < end; tick += TICK_MS) {
    if (tick < (options.firstDrawAt ?? 0)) continue;
    applyUntil(tick);
    emit(state.frame(tick, options), tick);
  }
  applyUntil(end);
  let last = state.frame(end, options);
  for (const message of tail) last += `${options.dryRun ? DRY_RUN_PREFIX.trim() + message : message}\n`;
  emit(last, end);
  return pieces;
}
