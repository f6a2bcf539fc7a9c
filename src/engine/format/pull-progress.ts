// `docker pull` progress as the client draws the daemon's JSON messages (moby pkg/jsonmessage), with a simulated download.

import { humanSize4 } from './units.ts';

/** A progress detail: bytes done of bytes total (0/0 for a plain per-layer status). */
export interface JsonProgress {
  current: number;
  total: number;
}

/**
 * jsonmessage `JSONProgress.String()`: `[=====>     ]  6.291MB/29.13MB`. The bar appears only on
 * terminals wider than 110 columns; the daemon sends no start time, so no time-left box.
 */
export function progressString(progress: JsonProgress, columns: number): string {
  const { current, total } = progress;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return humanSize4(current).padStart(8);
  const percentage = Math.min(50, Math.trunc(Math.trunc((current / total) * 100) / 2));
  const bar = columns > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] ` : '';
  const numbers = current > total ? humanSize4(current).padStart(8) : `${humanSize4(current).padStart(8)}/${humanSize4(total)}`;
  return bar + numbers;
}

const ESC = '\x1b[';
const cursorUp = (lines: number): string => (lines === 0 ? '' : `${ESC}${lines}A`);
const cursorDown = (lines: number): string => (lines === 0 ? '' : `${ESC}${lines}B`);
const CLEAR_LINE = `${ESC}2K`;

/**
 * jsonmessage `DisplayJSONMessagesStream`, one message at a time. On a terminal each id owns a line
 * that later messages redraw in place (new id: `\n`; then cursor up to its line, clear it, `\r`, write,
 * `\r`, cursor back down); piped, messages with a progress bar are dropped and the rest print as lines.
 */
export class JsonMessageDisplay {
  private readonly tty: boolean;
  private readonly columns: number;
  private ids = new Map<string, number>();

  constructor(options: { tty: boolean; columns: number }) {
    this.tty = options.tty;
    this.columns = options.columns;
  }

  /** A message with a progress detail and an id (every per-layer status the daemon sends). */
  progress(id: string, status: string, progress: JsonProgress = { current: 0, total: 0 }): string {
    let line = this.ids.get(id);
    let text = '';
    if (line === undefined) {
      line = this.ids.size;
      this.ids.set(id, line);
      if (this.tty) text += '\n';
    }
    const diff = this.ids.size - line;
    const bar = progressString(progress, this.columns);
    if (!this.tty) return bar === '' ? `${id}: ${status}\n` : '';
    // The space before the (possibly empty) progress string is why `Pull complete ` ends in a space on a TTY.
    return `${text}${cursorUp(diff)}${CLEAR_LINE}\r${id}: ${status} ${bar}\r${cursorDown(diff)}`;
  }

  /** A plain status (`Digest: …`, or `latest: Pulling from library/nginx` with an id); it ends the redraw area. */
  status(text: string, id?: string): string {
    this.ids = new Map();
    return `${id ? `${id}: ` : ''}${text}\n`;
  }
}

export interface PullLayer {
  /** 12-hex short digest, as the progress names the layer. */
  id: string;
  /** Compressed bytes. */
  size: number;
  /** Already in the local store: shows `Already exists` and is not downloaded. */
  present?: boolean;
}

export interface PullPiece {
  text: string;
  /** Virtual milliseconds that pass before this piece appears. */
  delay: number;
}

// The daemon's defaults and a believable home connection.
const MAX_CONCURRENT_DOWNLOADS = 3;
const TICK_MS = 100;
const DOWNLOAD_BYTES_PER_SECOND = 40_000_000;
const EXTRACT_BYTES_PER_SECOND = 60_000_000;
const MANIFEST_FETCH_MS = 250;

/** A per-layer speed factor in [0.75, 1.25) from its id, so layers do not all move in lockstep. */
function speedFactor(id: string): number {
  const byte = Number.parseInt(id.slice(0, 2), 16);
  return 0.75 + (Number.isNaN(byte) ? 128 : byte) / 512;
}

interface LayerProgress {
  layer: PullLayer;
  downloaded: number;
  extracted: number;
  phase: 'exists' | 'queued' | 'downloading' | 'downloaded' | 'extracting' | 'done';
}

/**
 * The layer part of a pull, from the first `Pulling fs layer` to the last `Pull complete`, as timed
 * pieces of output: up to three downloads at once sharing the bandwidth, the rest `Waiting`; each layer
 * extracts in order once it and the layers below it are in. Deterministic for given layers.
 *
 * The caller writes the lines around it with `pullHeader` (before) and `pullFooter` (after).
 */
export function pullProgress(layers: PullLayer[], options: { tty: boolean; columns: number }): PullPiece[] {
  const display = new JsonMessageDisplay(options);
  const states: LayerProgress[] = layers.map((layer) => ({
    layer,
    downloaded: 0,
    extracted: 0,
    phase: layer.present ? 'exists' : 'queued',
  }));
  const pieces: PullPiece[] = [];
  let text = '';
  for (const state of states) {
    text += display.progress(state.layer.id, state.phase === 'exists' ? 'Already exists' : 'Pulling fs layer');
  }
  const toDownload = states.filter((state) => state.phase === 'queued');
  for (const state of toDownload.slice(MAX_CONCURRENT_DOWNLOADS)) text += display.progress(state.layer.id, 'Waiting');
  pieces.push({ text, delay: MANIFEST_FETCH_MS });

  const downloadPerTick = (DOWNLOAD_BYTES_PER_SECOND * TICK_MS) / 1000;
  const extractPerTick = (EXTRACT_BYTES_PER_SECOND * TICK_MS) / 1000;
  // Piped output drops the progress-bar messages, so quiet ticks add their time to the next piece.
  let pendingDelay = 0;
  while (states.some((state) => state.phase !== 'done' && state.phase !== 'exists')) {
    text = '';
    // Extraction first: a layer whose download finished in an earlier tick may start extracting now.
    const next = states.find((state) => state.phase !== 'done' && state.phase !== 'exists');
    if (next && (next.phase === 'downloaded' || next.phase === 'extracting')) {
      next.phase = 'extracting';
      next.extracted = Math.min(next.layer.size, Math.floor(next.extracted + extractPerTick * speedFactor(next.layer.id)));
      text += display.progress(next.layer.id, 'Extracting', { current: next.extracted, total: next.layer.size });
      if (next.extracted >= next.layer.size) {
        next.phase = 'done';
        text += display.progress(next.layer.id, 'Pull complete');
      }
    }
    for (const state of toDownload) {
      if (state.phase !== 'queued') continue;
      if (toDownload.filter((other) => other.phase === 'downloading').length >= MAX_CONCURRENT_DOWNLOADS) break;
      state.phase = 'downloading';
    }
    const active = toDownload.filter((state) => state.phase === 'downloading');
    for (const state of active) {
      const share = (downloadPerTick / active.length) * speedFactor(state.layer.id);
      state.downloaded = Math.min(state.layer.size, Math.floor(state.downloaded + share));
      text += display.progress(state.layer.id, 'Downloading', { current: state.downloaded, total: state.layer.size });
      if (state.downloaded >= state.layer.size) {
        state.phase = 'downloaded';
        text += display.progress(state.layer.id, 'Verifying Checksum');
        text += display.progress(state.layer.id, 'Download complete');
      }
    }
    pendingDelay += TICK_MS;
    if (text !== '') {
      pieces.push({ text, delay: pendingDelay });
      pendingDelay = 0;
    }
  }
  return pieces;
}

/**
 * The line before the layers: `latest: Pulling from library/nginx` (the tag, or the digest when
 * pulling by digest, then the repository path as the registry names it).
 */
export function pullHeader(tagOrDigest: string, remotePath: string): string {
  return `${tagOrDigest}: Pulling from ${remotePath}\n`;
}

/** The lines after the layers: `Digest: sha256:…` and the `Status: …` line with the familiar reference. */
export function pullFooter(digest: string, familiarReference: string, upToDate: boolean): string {
  const status = upToDate ? `Image is up to date for ${familiarReference}` : `Downloaded newer image for ${familiarReference}`;
  return `Digest: ${digest}\nStatus: ${status}\n`;
}
