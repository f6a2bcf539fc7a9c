// BuildKit's progress display (util/progress/progressui) over a build's timeline: plain lines or TTY frames.

/** One step of a status: at `at` ms the status had reached `current` (bytes or items). */
export interface StatusSample {
  at: number;
  current: number;
}

export interface TraceStatus {
  id: string;
  start: number;
  /** Undefined when the status never completed. */
  end?: number;
  /** Bytes expected, when known (`1.2MB / 3.5MB`). */
  total?: number;
  samples: StatusSample[];
}

export interface TraceVertex {
  name: string;
  /** When the display first counts the vertex (it may start later). */
  known: number;
  start?: number;
  end?: number;
  cached?: boolean;
  error?: string;
  canceled?: boolean;
  statuses: TraceStatus[];
  logs: { at: number; text: string }[];
  /** Lint warnings BuildKit attaches to the vertex (`#1 WARN: …`), as `Rule: message (line N)`. */
  warnings?: { at: number; text: string }[];
}

export interface BuildTrace {
  vertices: TraceVertex[];
}

/** A piece of terminal output and the virtual ms that pass before it. */
export interface OutputPiece {
  text: string;
  delay: number;
}

/** units.Bytes with `%.2f`: whole bytes below 1 kB, else two decimals in decimal units. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)}B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(2)}${units[unit]}`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** A log line's time since its vertex started, with BuildKit's shrinking precision (`0.512`, `12.34`, `123.4`). */
export function logTimestamp(ms: number): string {
  const sec = ms / 1000;
  if (sec < 10) return sec.toFixed(3);
  if (sec < 100) return sec.toFixed(2);
  return sec.toFixed(1);
}

function sampleAt(status: TraceStatus, time: number): number {
  let current = 0;
  for (const sample of status.samples) if (sample.at <= time) current = sample.current;
  return current;
}

function statusBytes(status: TraceStatus, current: number): string {
  if (status.total !== undefined && status.total !== 0) return ` ${formatBytes(current)} / ${formatBytes(status.total)}`;
  if (current !== 0) return ` ${formatBytes(current)}`;
  return '';
}

/** The lines BuildKit keeps for the error summary: `0.512 text`. */
function errorLogLines(vertex: TraceVertex, limit: number | undefined): string[] {
  const lines = vertex.logs.map((log) => `${logTimestamp(log.at - (vertex.start ?? 0))} ${log.text}`);
  return limit === undefined ? lines : lines.slice(-limit);
}

/** The `------ > [4/5] RUN pip install: …` blocks printed after the progress of a failed build. */
function errorSummary(trace: BuildTrace, limit: number | undefined): string {
  let text = '';
  for (const vertex of startedInOrder(trace)) {
    if (!vertex.error || vertex.canceled) continue;
    text += `------\n > ${vertex.name}:\n`;
    for (const line of errorLogLines(vertex, limit)) text += `${line}\n`;
    text += '------\n';
  }
  return text;
}

function startedInOrder(trace: BuildTrace): TraceVertex[] {
  return trace.vertices
    .map((vertex, order) => ({ vertex, order }))
    .filter(({ vertex }) => vertex.start !== undefined)
    .sort((a, b) => (a.vertex.start ?? 0) - (b.vertex.start ?? 0) || a.order - b.order)
    .map(({ vertex }) => vertex);
}

interface TimedEvent {
  at: number;
  seq: number;
  vertex: TraceVertex;
  kind: 'start' | 'status' | 'log' | 'warning' | 'end';
  status?: TraceStatus;
  sample?: StatusSample;
  text?: string;
}

function eventsOf(trace: BuildTrace): TimedEvent[] {
  const events: TimedEvent[] = [];
  let seq = 0;
  for (const vertex of trace.vertices) {
    if (vertex.start === undefined) continue;
    events.push({ at: vertex.start, seq: seq++, vertex, kind: 'start' });
    for (const status of vertex.statuses) {
      for (const sample of status.samples) events.push({ at: sample.at, seq: seq++, vertex, kind: 'status', status, sample });
    }
    for (const log of vertex.logs) events.push({ at: log.at, seq: seq++, vertex, kind: 'log', text: log.text });
    for (const warning of vertex.warnings ?? []) events.push({ at: warning.at, seq: seq++, vertex, kind: 'warning', text: warning.text });
    if (vertex.end !== undefined) events.push({ at: vertex.end, seq: seq++, vertex, kind: 'end' });
  }
  // At equal times, vertices that were already running finish before others start or report.
  const rank = (event: TimedEvent): number => (event.kind === 'end' && event.vertex.start !== event.at ? 0 : 1);
  return events.sort((a, b) => a.at - b.at || rank(a) - rank(b) || a.seq - b.seq);
}

const MIN_PROGRESS_DELTA = 0.05;
const MIN_TIME_DELTA = 5000;

/**
 * `--progress=plain`: the textMux printer. A vertex's header prints whenever output switches to it, a vertex
 * left unfinished is marked `#N ...`, statuses are throttled to 5% or 5 s steps, and a failed build ends with
 * the failing step's last 10 log lines.
 */
export function renderPlain(trace: BuildTrace, description: string): OutputPiece[] {
  const pieces: OutputPiece[] = [];
  let clock = 0;
  let pending = '';
  let pendingAt = 0;
  const write = (at: number, text: string): void => {
    if (at !== pendingAt && pending !== '') {
      pieces.push({ text: pending, delay: Math.max(0, pendingAt - clock) });
      clock = pendingAt;
      pending = '';
    }
    pendingAt = at;
    pending += text;
  };
  write(0, `#0 ${description}\n`);
  const index = new Map<TraceVertex, number>();
  const lastPrinted = new Map<TraceStatus, StatusSample>();
  let current: TraceVertex | undefined;
  const finished = new Set<TraceVertex>();
  const finish = (vertex: TraceVertex, at: number): void => {
    const number = index.get(vertex);
    if (vertex.error) write(at, vertex.canceled ? `#${number} CANCELED\n` : `#${number} ERROR: ${vertex.error}\n`);
    else if (vertex.cached) write(at, `#${number} CACHED\n`);
    else write(at, `#${number} DONE ${seconds((vertex.end ?? at) - (vertex.start ?? at))}s\n`);
    finished.add(vertex);
  };
  for (const event of eventsOf(trace)) {
    const { vertex, at } = event;
    if (event.kind === 'end' && finished.has(vertex)) continue;
    if (current !== vertex) {
      // Completed vertices print the current one first (textMux.print), so one finishing now closes here.
      if (current && current.end !== undefined && current.end <= at) finish(current, at);
      else if (current) write(at, `#${index.get(current)} ...\n`);
      if (!index.has(vertex)) index.set(vertex, index.size + 1);
      write(at, `\n#${index.get(vertex)} ${vertex.name}\n`);
      current = vertex;
    }
    const number = index.get(vertex);
    if (event.kind === 'status' && event.status && event.sample) {
      const status = event.status;
      const completed = status.end !== undefined && event.sample.at >= status.end && event.sample === status.samples[status.samples.length - 1];
      const last = lastPrinted.get(status);
      if (last && !completed) {
        const progress = status.total ? (event.sample.current - last.current) / status.total : 0;
        if (progress < MIN_PROGRESS_DELTA && event.sample.at - last.at < MIN_TIME_DELTA) continue;
      }
      lastPrinted.set(status, event.sample);
      const elapsed = (completed ? (status.end ?? at) : event.sample.at) - status.start;
      let time = elapsed > 10 ? ` ${seconds(elapsed)}s` : '';
      if (completed) time += ' done';
      write(at, `#${number} ${status.id}${statusBytes(status, event.sample.current)}${time}\n`);
    } else if (event.kind === 'warning') {
      write(at, `#${number} WARN: ${event.text}\n`);
    } else if (event.kind === 'log') {
      write(at, `#${number} ${logTimestamp(at - (vertex.start ?? 0))} ${event.text}\n`);
    } else if (event.kind === 'end') {
      finish(vertex, at);
      current = undefined;
    }
  }
  const end = traceEnd(trace);
  const summary = errorSummary(trace, 10);
  if (summary !== '') write(end, summary);
  if (pending !== '') pieces.push({ text: pending, delay: Math.max(0, pendingAt - clock) });
  return pieces;
}

export function traceEnd(trace: BuildTrace): number {
  let end = 0;
  for (const vertex of trace.vertices) end = Math.max(end, vertex.end ?? 0, vertex.start ?? 0, vertex.known);
  return end;
}

const ESC = '\x1b[';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const RESET = '\x1b[0m';
const BLUE = '\x1b[34m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const FAINT = '\x1b[2m';
const TERM_HEIGHT = 6;
const TERM_PAD = 10;

/** Go's `%-*s %s`: `left` padded to `width`, a space, then `right`. */
function align(left: string, right: string, width: number): string {
  const pad = width - right.length - 1;
  return `${left.padEnd(pad)} ${right}`;
}

interface Job {
  name: string;
  status: string;
  duration: number;
  completed: boolean;
  error: boolean;
  canceled: boolean;
  tail: string[];
}

function jobsAt(trace: BuildTrace, time: number): Job[] {
  const jobs: Job[] = [];
  for (const vertex of startedInOrder(trace)) {
    if ((vertex.start ?? 0) > time) continue;
    const completed = vertex.end !== undefined && vertex.end <= time;
    let name = vertex.name.replace(/\t/g, ' ');
    if (completed && vertex.error) name = `${vertex.canceled ? 'CANCELED' : 'ERROR'} ${name}`;
    if (completed && vertex.cached) name = `CACHED ${name}`;
    const tail = completed ? [] : vertex.logs.filter((log) => log.at <= time).slice(-TERM_HEIGHT).map((log) => log.text);
    jobs.push({
      name,
      status: '',
      duration: (completed ? (vertex.end ?? time) : time) - (vertex.start ?? time),
      completed,
      error: completed && !!vertex.error && !vertex.canceled,
      canceled: completed && !!vertex.canceled,
      tail,
    });
    for (const status of vertex.statuses) {
      if (status.start > time) continue;
      const done = status.end !== undefined && status.end <= time;
      const current = sampleAt(status, time);
      const bytes = statusBytes(status, current).trim();
      jobs.push({
        name: `=> ${status.id}`,
        status: bytes,
        duration: (done ? (status.end ?? time) : time) - status.start,
        completed: done,
        error: false,
        canceled: false,
        tail: [],
      });
    }
    for (const warning of vertex.warnings ?? []) {
      if (warning.at > time) continue;
      // progressui times a warning by its vertex and never marks it completed, so it stays uncoloured.
      jobs.push({
        name: `WARN: ${warning.text}`,
        status: '',
        duration: (completed ? (vertex.end ?? time) : time) - (vertex.start ?? time),
        completed: false,
        error: false,
        canceled: true,
        tail: [],
      });
    }
  }
  return jobs;
}

/** One job line as the ttyDisplay prints it: name cut to fit, timer right-aligned, colour when finished. */
function jobLine(job: Job, width: number): string | undefined {
  const duration = job.duration < 50 ? 0 : job.duration;
  const prefix = ' => ';
  const timer = ` ${seconds(duration).padStart(3)}s\n`;
  let left = width - prefix.length - timer.length - 1;
  let showStatus = false;
  if (job.status !== '' && left + job.status.length > 20) {
    showStatus = true;
    left -= job.status.length + 1;
  }
  if (left < 12) return undefined;
  let line = prefix + (job.name.length > left ? job.name.slice(0, left) : job.name);
  if (showStatus) line += ` ${job.status}`;
  line = align(line, timer, width);
  if (job.completed) line = `${job.canceled ? YELLOW : job.error ? RED : BLUE}${line}${RESET}`;
  return line;
}

export interface TtyOptions {
  columns: number;
  rows: number;
  /** Right-hand side of the header, `docker:default`. */
  description: string;
  /** Virtual ms between redraws while nothing else happens. */
  refreshMs?: number;
}

/**
 * The TTY display: the `[+] Building …` block redrawn in place (cursor up, then every line rewritten to the
 * full width), the last frame listing every step, then the failed steps' logs.
 */
export function renderTty(trace: BuildTrace, options: TtyOptions): OutputPiece[] {
  const width = options.columns;
  const height = options.rows;
  const refresh = options.refreshMs ?? 200;
  const end = traceEnd(trace);
  const first = Math.min(...trace.vertices.map((vertex) => vertex.start ?? Infinity));
  const start = Number.isFinite(first) ? first : 0;
  const times = new Set<number>();
  for (const event of eventsOf(trace)) times.add(event.at);
  for (let time = start; time < end; time += refresh) times.add(time);
  // The display redraws at most every 100 ms; a burst of events shows as one frame.
  const frameTimes: number[] = [];
  for (const time of [...times].sort((a, b) => a - b)) {
    if (time >= end) break;
    if (frameTimes.length > 0 && time - frameTimes[frameTimes.length - 1] < 100) continue;
    frameTimes.push(time);
  }
  const pieces: OutputPiece[] = [];
  let lineCount = 0;
  let repeated = false;
  let clock = 0;
  const frame = (time: number, all: boolean): void => {
    const jobs = jobsAt(trace, time);
    const known = trace.vertices.filter((vertex) => vertex.known <= time);
    const completed = known.filter((vertex) => vertex.end !== undefined && vertex.end <= time).length;
    let text = '';
    for (let i = 0; i <= lineCount; i++) text += `${ESC}1A`;
    if (!repeated) text += `${ESC}1B`;
    repeated = true;
    text += `${ESC}0G${HIDE_CURSOR}`;
    const finished = completed > 0 && completed === known.length && all ? 'FINISHED' : '';
    const header = `[+] Building ${seconds(time - start)}s (${completed}/${known.length}) ${finished}`;
    text += `${align(header, options.description, width - 1)}\n`;
    let visible = jobs;
    let termLines = 0;
    const showTail = new Set<Job>();
    if (!all) {
      const inUse = jobs.filter((job) => !job.completed).length;
      let free = height - 2 - inUse;
      const limit = TERM_HEIGHT + 3;
      for (const job of jobs) {
        if (job.tail.length === 0 || free <= limit) continue;
        showTail.add(job);
        termLines += job.tail.length;
        free -= limit;
      }
      const room = height - 2 - termLines;
      if (visible.length > room) visible = room > 0 ? visible.slice(visible.length - room) : [];
    }
    let count = 0;
    for (const job of visible) {
      const line = jobLine(job, width);
      if (line === undefined) continue;
      text += line;
      count++;
      if (showTail.has(job)) {
        for (const log of job.tail) {
          const row = log.length > width - TERM_PAD ? log.slice(0, width - TERM_PAD) : log.padEnd(width - TERM_PAD);
          if (row.trim() === '') continue;
          text += `${FAINT} => => # ${row}\n${RESET}`;
          count++;
        }
      }
    }
    if (lineCount > count) {
      const diff = lineCount - count;
      for (let i = 0; i < diff; i++) text += `${' '.repeat(width)}\n`;
      text += `${ESC}${diff}A${ESC}0G`;
    }
    lineCount = count;
    text += SHOW_CURSOR;
    pieces.push({ text, delay: Math.max(0, time - clock) });
    clock = time;
  };
  for (const time of frameTimes) frame(time, false);
  frame(end, true);
  const summary = errorSummary(trace, undefined);
  if (summary !== '') pieces.push({ text: summary, delay: 0 });
  return pieces;
}
