// `docker build` end to end and pure: parse, plan the stages, run each step against the layer cache, export the image.

import type { BuildCacheState, FsNode, FsTree, ImageConfig, ImageHistoryEntry as StateHistoryEntry, ImageRecord } from '../state/machine-state.ts';
import { parseReference } from '../registry/reference.ts';
import type { Stream } from '../types.ts';
import { isIgnored, parseDockerignore } from './dockerignore.ts';
import { lintDockerfile, warningText } from './lint.ts';
import { parseDockerfile, type BuildFailure, type CopyInstruction, type Dockerfile, type Instruction, type LintWarning, type Stage } from './parse.ts';
import { formatBytes, renderPlain, renderTty, traceEnd, type BuildTrace, type OutputPiece, type TraceStatus, type TraceVertex } from './progress.ts';
import { platformOf, runBuildProcess, userExists, type ImagePlatform } from './run-script.ts';
import { argHistory, copyHistory, exposeHistory, goList, goQuotedList, healthcheckHistory, pairsHistory, runHistory } from './history-text.ts';
import { sha256Digest, sha256Hex } from './sha256.ts';
import { processWord, processWordList, type VariableLookup } from './shell-words.ts';

/** A file of the build context, by path relative to the context root (`app.py`, `src/main.py`). */
export interface ContextFile {
  content: string;
  mode: number;
}

export type BuildContextFiles = Record<string, ContextFile>;

/** A base image as the builder resolves it. */
export interface BaseImage {
  /** Fully qualified with tag: `docker.io/library/python:3.9-slim`. */
  canonical: string;
  /** Found in the local image store (no registry round trip, no digest in the step name). */
  local: boolean;
  /** Manifest digest from the registry; shown as `…@sha256:` when resolved remotely. */
  digest: string;
  image: ImageRecord;
  /**
   * The image's `docker history` rows, base first, one non-empty row per layer: a built image carries
   * them on top of its own (the image config's history), so its layers and their sizes line up.
   */
  history: ImageHistoryEntry[];
  /** Compressed layer blobs, for download progress. */
  blobs: { digest: string; size: number }[];
}

export type BaseLookup = (
  reference: string,
  options: { pull: boolean },
) => { ok: true; base: BaseImage } | { ok: false; reason: 'repository' | 'manifest' | 'reference' | 'registry'; message: string };

/** A step result the builder can reuse: what it changed in the file system and how big its layer is. */
export type CachedStep = BuildCacheState['steps'][string];

/** BuildKit's state between builds, kept in the machine state (`MachineState.buildCache`). */
export type BuildCache = BuildCacheState;

export function emptyBuildCache(): BuildCache {
  return { steps: {}, bases: [], context: {} };
}

/** One `docker history` row of a built image (the state's own type: built images store their rows). */
export type ImageHistoryEntry = StateHistoryEntry;

export type ProgressMode = 'auto' | 'plain' | 'tty' | 'quiet' | 'rawjson';

export interface BuildRequest {
  /** The Dockerfile's text; undefined when the file does not exist. */
  dockerfile: string | undefined;
  /** As `load build definition from …` names it: the file's base name. */
  dockerfileName: string;
  context: BuildContextFiles;
  /** `-t` values as typed. */
  tags: string[];
  target?: string;
  buildArgs: Record<string, string>;
  labels?: Record<string, string>;
  noCache: boolean;
  pull: boolean;
  progress: ProgressMode;
  quiet: boolean;
  /** Whether stderr is a terminal (`auto` then means the TTY display). */
  tty: boolean;
  columns: number;
  rows: number;
  lookupBase: BaseLookup;
  cache: BuildCache;
  /** Epoch ms when the build starts. */
  clock: number;
  builderName?: string;
  /**
   * A name put in front of step names, as Compose does for a service's build (`[web internal] load …`,
   * `[web 2/5] WORKDIR /app`, `[web] exporting to image`), with the provenance step Compose's builds end on.
   */
  vertexPrefix?: string;
}

export interface BuildOutput {
  stream: Stream;
  text: string;
  delay: number;
}

export interface BuildOutcome {
  exitCode: number;
  output: BuildOutput[];
  /** The built image, tagged with the familiar names (`myapp:latest`); absent when the build failed. */
  image?: ImageRecord & { history: ImageHistoryEntry[] };
  cache: BuildCache;
  /** Virtual ms the build took. */
  duration: number;
  warnings: LintWarning[];
}

// ---------------------------------------------------------------------------------------------------------

interface StageState {
  stage: Stage;
  displayName: string;
  files: FsTree;
  config: ImageConfig & { shell: string[]; onBuild: string[] };
  env: Map<string, string>;
  args: Map<string, string>;
  /** The stage's ARG declarations in order, as RUN rows list them (`|1 MODE=prod`). */
  declaredArgs: string[];
  workdirSet: boolean;
  cmdSetHere: boolean;
  key: string;
  baseImage?: ImageRecord;
  baseSize: number;
  baseLayers: string[];
  layers: { digest: string; size: number }[];
  history: ImageHistoryEntry[];
  /** How many of `history`'s first rows came with the base image (not this build's steps). */
  baseHistoryLength: number;
  platform: ImagePlatform;
  stepIndex: number;
  stepTotal: number;
  /** When the newest layer so far was made: metadata steps carry it, so a cached rebuild keeps its id. */
  lastCreated: number;
  /** Size of the newest layer step, for its history row. */
  lastSize: number;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

class StepFailure {
  readonly failure: BuildFailure;
  constructor(failure: BuildFailure) {
    this.failure = failure;
  }
}

function vertex(trace: BuildTrace, name: string, known: number): TraceVertex {
  const created: TraceVertex = { name, known, statuses: [], logs: [] };
  trace.vertices.push(created);
  return created;
}

function doneStatus(id: string, start: number, end: number, current: number, total?: number): TraceStatus {
  return { id, start, end, total, samples: [{ at: end, current }] };
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function joinPath(dir: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${dir}/${path}`);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function ensureDirs(files: FsTree, path: string, now: number): void {
  const parts = path.split('/').filter(Boolean);
  let prefix = '';
  if (!files['/']) files['/'] = { type: 'dir', mode: 0o755, mtime: now };
  for (const part of parts) {
    prefix += `/${part}`;
    if (files[prefix]?.type !== 'dir') files[prefix] = { type: 'dir', mode: 0o755, mtime: now };
  }
}

function diffTrees(before: FsTree, after: FsTree): Record<string, FsNode | null> {
  const changes: Record<string, FsNode | null> = {};
  for (const [path, node] of Object.entries(after)) {
    const old = before[path];
    if (!old || JSON.stringify(old) !== JSON.stringify(node)) changes[path] = node;
  }
  for (const path of Object.keys(before)) if (!(path in after)) changes[path] = null;
  return changes;
}

function applyChanges(files: FsTree, changes: Record<string, FsNode | null>): void {
  for (const [path, node] of Object.entries(changes)) {
    if (node === null) delete files[path];
    else files[path] = node;
  }
}

function changeBytes(changes: Record<string, FsNode | null>): number {
  let bytes = 0;
  for (const node of Object.values(changes)) if (node?.type === 'file') bytes += utf8Length(node.content);
  return bytes;
}

/** The display form of an instruction: keyword upper-cased, set variables expanded, quotes kept. */
function displayInstruction(instruction: Instruction, lookup: VariableLookup): string {
  const text = instruction.original.trim();
  const space = text.search(/\s/);
  const keyword = (space === -1 ? text : text.slice(0, space)).toUpperCase();
  const rest = space === -1 ? '' : text.slice(space);
  const expanded = rest.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced, plain) => lookup(braced ?? plain) ?? match);
  return keyword + expanded;
}

function stepPrefix(state: StageState): string {
  state.stepIndex++;
  const width = String(state.stepTotal).length;
  const number = `${String(state.stepIndex).padStart(width)}/${state.stepTotal}`;
  return state.displayName ? `[${state.displayName} ${number}] ` : `[${number}] `;
}

/** A BuildKit-looking ref id for checksum errors, fixed by its input. */
function checksumRef(seed: string): string {
  const hex = sha256Hex(seed);
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let tail = '';
  for (let i = 0; i < 25; i++) tail += alphabet[parseInt(hex.slice(32 + (i % 30), 34 + (i % 30)), 16) % 36];
  return `${uuid}::${tail}`;
}

function wildcard(pattern: string): RegExp {
  let source = '^';
  for (const ch of pattern) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`);
}

// ---------------------------------------------------------------------------------------------------------

interface BuildRun {
  request: BuildRequest;
  trace: BuildTrace;
  now: number;
  cache: BuildCache;
  dockerfile?: Dockerfile;
  contextLoaded: boolean;
  ignorePatterns: ReturnType<typeof parseDockerignore>;
  stages: Map<number, StageState>;
  newBytes: number;
  /** Context paths the build copies from; undefined for the whole context. */
  followPaths?: string[];
  /** The ARGs before the first FROM, resolved: an ARG in a stage without a default takes its value from here. */
  metaArgs: Map<string, string>;
}

function lookupFor(state: StageState): VariableLookup {
  return (name) => state.env.get(name) ?? state.args.get(name);
}

function contextFiles(run: BuildRun): BuildContextFiles {
  const files: BuildContextFiles = {};
  for (const [path, file] of Object.entries(run.request.context)) {
    if (!isIgnored(path, run.ignorePatterns)) files[path] = file;
  }
  return files;
}

/**
 * The context paths the needed stages copy from (dockerfile2llb's ctxPaths, sent as the local source's
 * follow paths): only those files are transferred. Undefined when the whole context is needed (`COPY . .`,
 * a bind mount of the context, a source whose variables are only known as the steps run).
 */
function followPaths(stages: readonly Stage[]): string[] | undefined {
  const paths = new Set<string>();
  for (const stage of stages) {
    for (const command of stage.commands) {
      if (command.kind === 'RUN' && command.mounts.some((mount) => /(?:^|,)type=bind(?:,|$)/.test(mount) && !/(?:^|,)from=/.test(mount))) return undefined;
      if (command.kind !== 'ADD' && !(command.kind === 'COPY' && command.from === '')) continue;
      for (const source of command.sources) {
        if (/^(https?:\/\/|git@)/.test(source)) continue;
        if (source.includes('$')) return undefined;
        const clean = normalizePath(source);
        if (clean === '/') return undefined;
        paths.add(clean.slice(1));
      }
    }
  }
  return [...paths];
}

function followed(path: string, paths: readonly string[]): boolean {
  const parts = path.split('/');
  return paths.some((wanted) => {
    if (/[*?[]/.test(wanted)) {
      const pattern = wildcard(wanted);
      return parts.some((_, index) => pattern.test(parts.slice(0, index + 1).join('/')));
    }
    return path === wanted || path.startsWith(`${wanted}/`);
  });
}

function loadContext(run: BuildRun): void {
  if (run.contextLoaded) return;
  run.contextLoaded = true;
  const files = contextFiles(run);
  const paths = run.followPaths;
  let transferred = 0;
  // The builder keeps what it was sent before; files this build does not follow stay as they were.
  const seen: Record<string, string> = paths ? { ...run.cache.context } : {};
  for (const [path, file] of Object.entries(files)) {
    if (paths && !followed(path, paths)) continue;
    const hash = sha256Hex(file.content);
    seen[path] = hash;
    const size = utf8Length(file.content);
    // Files the builder already holds cost only their metadata.
    transferred += run.cache.context[path] === hash ? 31 : size;
  }
  run.cache.context = seen;
  const start = run.now;
  const duration = 8 + Math.round(transferred / 50_000);
  const v = vertex(run.trace, '[internal] load build context', start);
  v.start = start;
  v.end = start + duration + 12;
  v.statuses.push(doneStatus('transferring context:', start + 4, start + 4 + duration, Math.max(transferred, 2)));
  run.now = v.end;
}

interface CopySource {
  /** Path in the destination, relative to the copied root. */
  relative: string;
  content: string;
  mode: number;
}

/** Resolves COPY/ADD sources to files, or the checksum error BuildKit gives for a missing one. */
function collectSources(run: BuildRun, instruction: CopyInstruction, state: StageState, from: FsTree | undefined, lookup: VariableLookup): { ok: true; files: CopySource[]; directory: boolean } | { ok: false; missing: string } {
  const escapeToken = run.dockerfile?.escapeToken ?? '\\';
  const files: CopySource[] = [];
  let directory = instruction.sources.length > 1;
  for (const heredoc of instruction.heredocSources) {
    const content = heredoc.expand ? processWord(`"${heredoc.content.replace(/"/g, '\\"')}"`, lookup, { escapeToken }) : heredoc.content;
    files.push({ relative: heredoc.name, content, mode: 0o644 });
  }
  // A context (or stage) as relative path → file.
  const source: Record<string, ContextFile> = {};
  if (from) {
    for (const [path, node] of Object.entries(from)) if (node.type === 'file') source[path.slice(1)] = { content: node.content, mode: node.mode };
  } else Object.assign(source, contextFiles(run));
  for (const raw of instruction.sources) {
    const expanded = processWord(raw, lookup, { escapeToken });
    const clean = normalizePath(expanded).slice(1);
    const matches: string[] = [];
    if (/[*?[]/.test(clean)) {
      directory = true;
      const pattern = wildcard(clean);
      const candidates = new Set<string>();
      for (const path of Object.keys(source)) {
        const parts = path.split('/');
        for (let depth = 1; depth <= parts.length; depth++) candidates.add(parts.slice(0, depth).join('/'));
      }
      for (const candidate of [...candidates].sort()) if (pattern.test(candidate)) matches.push(candidate);
    } else matches.push(clean);
    if (matches.length === 0) return { ok: false, missing: `/${clean}` };
    for (const match of matches) {
      if (match === '' || !(match in source)) {
        const prefix = match === '' ? '' : `${match}/`;
        const inside = Object.keys(source).filter((path) => path.startsWith(prefix)).sort();
        if (inside.length === 0 && match !== '') return { ok: false, missing: `/${match}` };
        if (match !== '' || inside.length > 0) directory = true;
        const base = /[*?[]/.test(clean) ? `${match.slice(match.lastIndexOf('/') + 1)}/` : '';
        for (const path of inside) files.push({ relative: base + path.slice(prefix.length), content: source[path].content, mode: source[path].mode });
      } else {
        files.push({ relative: match.slice(match.lastIndexOf('/') + 1), content: source[match].content, mode: source[match].mode });
      }
    }
  }
  void state;
  return { ok: true, files, directory };
}

function runCopy(run: BuildRun, instruction: CopyInstruction, state: StageState, v: TraceVertex): void {
  const lookup = lookupFor(state);
  const escapeToken = run.dockerfile?.escapeToken ?? '\\';
  let from: FsTree | undefined;
  let fromKey = 'context';
  if (instruction.kind === 'COPY' && instruction.from !== '') {
    const fromName = processWord(instruction.from, lookup, { escapeToken });
    const stage = [...run.stages.values()].find((candidate) => candidate.stage.from.stageName === fromName.toLowerCase() || String(candidate.stage.index) === fromName);
    if (stage) {
      from = stage.files;
      fromKey = stage.key;
    } else {
      const found = run.request.lookupBase(fromName, { pull: false });
      if (!found.ok) {
        throw new StepFailure({ message: `failed to resolve source metadata for ${fromName}: ${found.message}`, ranges: [instruction.range] });
      }
      from = found.base.image.files;
      fromKey = found.base.image.id;
    }
  }
  const collected = collectSources(run, instruction, state, from, lookup);
  if (!collected.ok) {
    const ref = checksumRef(`${state.key}${collected.missing}`);
    const error = `failed to calculate checksum of ref ${ref}: "${collected.missing}": not found`;
    v.start = run.now;
    v.error = error;
    v.end = run.now + 10;
    run.now = v.end;
    throw new StepFailure({ message: `failed to compute cache key: ${error}`, ranges: [instruction.range] });
  }
  const destText = processWord(instruction.dest, lookup, { escapeToken });
  const dest = joinPath(state.config.workingDir || '/', destText);
  const intoDirectory = collected.directory || destText.endsWith('/') || destText === '.' || collected.files.length > 1;
  const key = sha256Hex(
    JSON.stringify([state.key, instruction.kind, dest, intoDirectory, instruction.chown, instruction.chmod, fromKey, collected.files.map((file) => [file.relative, sha256Hex(file.content), file.mode])]),
  );
  cachedOrRun(run, state, v, key, () => {
    const files = state.files;
    const before = structuredClone(files);
    const now = run.request.clock + run.now;
    for (const file of collected.files) {
      const target = intoDirectory ? joinPath(dest, file.relative) : dest;
      ensureDirs(files, target.slice(0, target.lastIndexOf('/')) || '/', now);
      const mode = instruction.chmod !== '' ? parseInt(instruction.chmod, 8) : file.mode;
      files[target] = { type: 'file', content: file.content, mode, mtime: now };
    }
    if (intoDirectory) ensureDirs(files, dest, now);
    const changes = diffTrees(before, files);
    const bytes = changeBytes(changes);
    return { changes, bytes, duration: 30 + Math.round(bytes / 80_000) };
  });
  const createdBy = copyHistory({
    add: instruction.kind === 'ADD',
    parents: instruction.parents,
    chown: processWord(instruction.chown, lookup, { escapeToken }),
    chmod: processWord(instruction.chmod, lookup, { escapeToken }),
    sources: instruction.sources.map((source) => processWord(source, lookup, { escapeToken })),
    heredocNames: instruction.heredocSources.map((heredoc) => heredoc.name),
    dest: destText,
  });
  state.history.push({ created: 0, createdBy, size: 0, comment: 'buildkit.dockerfile.v0', emptyLayer: false });
}

/** Uses the cached result of a step when its key is known, else runs it and remembers the result. */
function cachedOrRun(run: BuildRun, state: StageState, v: TraceVertex, key: string, execute: () => { changes: Record<string, FsNode | null>; bytes: number; duration: number }): void {
  const cached = run.request.noCache ? undefined : run.cache.steps[key];
  v.start = run.now;
  let result: CachedStep;
  if (cached) {
    v.cached = true;
    v.end = run.now;
    applyChanges(state.files, cached.changes);
    result = cached;
  } else {
    const executed = execute();
    v.end = run.now + executed.duration;
    result = { changes: executed.changes, bytes: executed.bytes, created: run.request.clock + v.end };
    run.cache.steps[key] = result;
    run.newBytes += executed.bytes;
  }
  run.now = v.end ?? run.now;
  state.key = key;
  state.layers.push({ digest: sha256Digest(`layer\n${key}`), size: result.bytes });
  state.lastCreated = result.created;
  state.lastSize = result.bytes;
}

function runStep(run: BuildRun, state: StageState, instruction: Instruction, v: TraceVertex | undefined): void {
  const lookup = lookupFor(state);
  const escapeToken = run.dockerfile?.escapeToken ?? '\\';
  const word = (text: string): string => processWord(text, lookup, { escapeToken });
  const metadata = (createdBy: string): void => {
    state.history.push({ created: state.lastCreated, createdBy, size: 0, comment: 'buildkit.dockerfile.v0', emptyLayer: true });
  };
  switch (instruction.kind) {
    case 'WORKDIR': {
      const path = joinPath(state.config.workingDir || '/', word(instruction.value));
      state.config.workingDir = path;
      const key = sha256Hex(JSON.stringify([state.key, 'WORKDIR', path]));
      if (v) {
        cachedOrRun(run, state, v, key, () => {
          const before = structuredClone(state.files);
          ensureDirs(state.files, path, run.request.clock + run.now);
          return { changes: diffTrees(before, state.files), bytes: 0, duration: 40 };
        });
      }
      state.history.push({ created: state.lastCreated, createdBy: `WORKDIR ${path}`, size: 0, comment: 'buildkit.dockerfile.v0', emptyLayer: false });
      return;
    }
    case 'COPY':
    case 'ADD':
      if (v) runCopy(run, instruction, state, v);
      fixLastHistory(state);
      return;
    case 'RUN': {
      const argv =
        instruction.command.form === 'exec'
          ? instruction.command.args
          : [...state.config.shell, heredocScript(instruction) ?? instruction.command.args[0] ?? ''];
      const env: Record<string, string> = {};
      for (const [key, value] of state.args) env[key] = value;
      for (const [key, value] of state.env) env[key] = value;
      const key = sha256Hex(JSON.stringify([state.key, 'RUN', argv, [...state.env], [...state.args], state.config.workingDir, state.config.user]));
      if (!v) return;
      if (state.config.user !== '' && !userExists(state.config.user, state.files)) {
        const error = `unable to find user ${state.config.user.split(':')[0]}: no matching entries in passwd file`;
        v.start = run.now;
        v.end = run.now + 60;
        v.error = error;
        run.now = v.end;
        throw new StepFailure({ message: error, ranges: [instruction.range] });
      }
      let failed: { exitCode: number; startError?: string } | undefined;
      cachedOrRun(run, state, v, key, () => {
        const before = structuredClone(state.files);
        const started = run.now + 150;
        const result = runBuildProcess({ argv, env, workdir: state.config.workingDir || '/', files: state.files, platform: state.platform, clock: run.request.clock + started });
        for (const line of result.lines) v.logs.push({ at: started + line.at, text: line.text });
        if (result.exitCode !== 0 || result.startError) failed = { exitCode: result.exitCode, startError: result.startError };
        const changes = diffTrees(before, state.files);
        return { changes, bytes: result.addedBytes + changeBytes(changes), duration: 150 + result.duration };
      });
      if (failed) {
        delete run.cache.steps[key];
        const process = argv.join(' ');
        const error = failed.startError ?? `process ${JSON.stringify(process)} did not complete successfully: exit code: ${failed.exitCode}`;
        v.error = error;
        throw new StepFailure({ message: error, ranges: [instruction.range] });
      }
      const buildArgs = state.declaredArgs.map((name) => ({ key: name, value: state.env.get(name) ?? state.args.get(name) ?? '' }));
      state.history.push({
        created: state.lastCreated,
        createdBy: runHistory(argv, buildArgs),
        size: state.lastSize,
        comment: 'buildkit.dockerfile.v0',
        emptyLayer: false,
      });
      return;
    }
    case 'ENV': {
      // Every value is expanded with the variables as they were before this instruction.
      const pairs = instruction.pairs.map((pair) => ({ key: pair.key, value: word(pair.value) }));
      for (const pair of pairs) {
        state.env.set(pair.key, pair.value);
        state.config.env = state.config.env.filter((entry) => !entry.startsWith(`${pair.key}=`)).concat(`${pair.key}=${pair.value}`);
      }
      metadata(pairsHistory('ENV', pairs));
      return;
    }
    case 'ARG': {
      const declared: { key: string; value: string | undefined }[] = [];
      for (const pair of instruction.args) {
        const given = run.request.buildArgs[pair.key];
        const value = given ?? (pair.value !== undefined ? word(pair.value) : run.metaArgs.get(pair.key));
        if (value !== undefined) state.args.set(pair.key, value);
        state.declaredArgs.push(pair.key);
        declared.push({ key: pair.key, value });
      }
      metadata(argHistory(declared));
      return;
    }
    case 'LABEL': {
      const pairs = instruction.pairs.map((pair) => ({ key: word(pair.key), value: word(pair.value) }));
      for (const pair of pairs) state.config.labels[pair.key] = pair.value;
      metadata(pairsHistory('LABEL', pairs));
      return;
    }
    case 'EXPOSE': {
      const ports: string[] = [];
      for (const raw of instruction.values) {
        for (const port of processWordList(raw, lookup, { escapeToken })) ports.push(port.includes('/') ? port.toLowerCase() : `${port}/tcp`);
      }
      for (const port of ports) if (!state.config.exposedPorts.includes(port)) state.config.exposedPorts.push(port);
      state.config.exposedPorts.sort();
      metadata(exposeHistory(ports));
      return;
    }
    case 'USER':
      state.config.user = word(instruction.value);
      metadata(`USER ${state.config.user}`);
      return;
    case 'VOLUME': {
      const volumes = instruction.values.map(word);
      for (const volume of volumes) if (!state.config.volumes.includes(volume)) state.config.volumes.push(volume);
      metadata(`VOLUME ${goList(volumes)}`);
      return;
    }
    case 'CMD':
      state.config.cmd = instruction.command.form === 'exec' ? instruction.command.args : [...state.config.shell, ...instruction.command.args];
      state.cmdSetHere = true;
      metadata(`CMD ${goQuotedList(state.config.cmd)}`);
      return;
    case 'ENTRYPOINT':
      state.config.entrypoint = instruction.command.form === 'exec' ? instruction.command.args : [...state.config.shell, ...instruction.command.args];
      // An ENTRYPOINT resets a CMD inherited from the base image.
      if (!state.cmdSetHere) state.config.cmd = null;
      metadata(`ENTRYPOINT ${goQuotedList(state.config.entrypoint)}`);
      return;
    case 'HEALTHCHECK': {
      // The image config keeps the durations in nanoseconds; unset ones (0) are left out, as the API omits them.
      const { test, interval, timeout, startPeriod, startInterval, retries } = instruction;
      state.config.healthcheck = { test, ...Object.fromEntries(Object.entries({ interval, timeout, startPeriod, startInterval, retries }).filter(([, value]) => value !== 0)) };
      metadata(healthcheckHistory(instruction));
      return;
    }
    case 'SHELL':
      state.config.shell = instruction.values;
      metadata(`SHELL ${goList(instruction.values)}`);
      return;
    case 'STOPSIGNAL':
      state.config.stopSignal = word(instruction.value);
      metadata(`STOPSIGNAL ${state.config.stopSignal}`);
      return;
    case 'ONBUILD':
      state.config.onBuild.push(instruction.expression);
      metadata(`ONBUILD ${instruction.expression}`);
      return;
    case 'MAINTAINER':
      metadata(`MAINTAINER ${instruction.value}`);
      return;
    default:
      return;
  }
}

function fixLastHistory(state: StageState): void {
  const last = state.history[state.history.length - 1];
  if (last) {
    last.created = state.lastCreated;
    last.size = state.lastSize;
  }
}

function heredocScript(instruction: Extract<Instruction, { kind: 'RUN' }>): string | undefined {
  const script = instruction.command.args[0] ?? '';
  if (instruction.heredocs.length === 0) return undefined;
  const first = instruction.heredocs[0];
  if (/^<<-?["']?\w+["']?$/.test(script.trim())) return first.content;
  return script.replace(/<<-?["']?\w+["']?/, '').trim() === '' ? first.content : script;
}

function producesVertex(instruction: Instruction): boolean {
  return instruction.kind === 'RUN' || instruction.kind === 'COPY' || instruction.kind === 'ADD' || instruction.kind === 'WORKDIR';
}

/** The stages `target` needs, in file order. */
function reachableStages(dockerfile: Dockerfile, target: Stage, baseNames: Map<Stage, string>): Stage[] {
  const needed = new Set<Stage>();
  const byName = (name: string): Stage | undefined =>
    dockerfile.stages.find((stage) => stage.from.stageName === name.toLowerCase()) ?? (/^\d+$/.test(name) ? dockerfile.stages[Number(name)] : undefined);
  const visit = (stage: Stage): void => {
    if (needed.has(stage)) return;
    needed.add(stage);
    const base = byName(baseNames.get(stage) ?? '');
    if (base && base.index < stage.index) visit(base);
    for (const command of stage.commands) {
      if (command.kind === 'COPY' && command.from !== '') {
        const from = byName(command.from);
        if (from && from.index < stage.index) visit(from);
      }
      if (command.kind === 'RUN') {
        for (const mount of command.mounts) {
          const from = /(?:^|,)from=([^,]+)/.exec(mount)?.[1];
          const stageFrom = from ? byName(from) : undefined;
          if (stageFrom && stageFrom.index < stage.index) visit(stageFrom);
        }
      }
    }
  };
  visit(target);
  return dockerfile.stages.filter((stage) => needed.has(stage));
}

function sourceExcerpt(dockerfile: string, name: string, failure: BuildFailure): string {
  if (failure.ranges.length === 0) return '';
  const lines = dockerfile.split('\n');
  let start = Math.min(...failure.ranges.map((range) => range.start));
  let end = Math.max(...failure.ranges.map((range) => Math.max(range.end, range.start)));
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const first = start;
  // errdefs.Source.Print: four lines of context around a one-line error, two around a longer one.
  const pad = end === start ? 4 : 2;
  let padded = 0;
  while (padded < pad) {
    if (start > 1) {
      start--;
      padded++;
    }
    if (end !== lines.length) {
      end++;
      padded++;
    }
    padded++;
  }
  let text = `${name}:${first}\n--------------------\n`;
  for (let line = start; line <= end; line++) {
    const marked = failure.ranges.some((range) => range.start <= line && Math.max(range.end, range.start) >= line);
    text += ` ${String(line).padStart(3)} | ${marked ? '>>>' : '   '} ${lines[line - 1]}\n`;
  }
  return `${text}--------------------\n`;
}

function warningSummary(warnings: LintWarning[]): string {
  if (warnings.length === 0) return '';
  const count = warnings.length === 1 ? '1 warning found' : `${warnings.length} warnings found`;
  let text = `\n \x1b[33m${count} (use docker --debug to expand):\n\x1b[0m`;
  for (const warning of warnings) text += ` - ${warningText(warning)}\n`;
  return text;
}

interface TagName {
  familiar: string;
  /** As `naming to` prints it: the normalised name, with the tag only when one was given. */
  naming: string;
}

function parseTags(tags: string[]): { ok: true; tags: TagName[] } | { ok: false; message: string } {
  const parsed: TagName[] = [];
  for (const tag of tags) {
    const result = parseReference(tag);
    // buildx wraps distribution/reference's error: `invalid tag "MyApp": invalid reference format: …`.
    if (!result.ok) return { ok: false, message: `invalid tag ${JSON.stringify(tag)}: ${result.message}` };
    const reference = result.reference;
    const withTag = result.withDefaultTag();
    parsed.push({ familiar: withTag.familiar, naming: reference.tag !== undefined ? `${reference.name}:${reference.tag}` : reference.name });
  }
  return { ok: true, tags: parsed };
}

/** Runs a whole `docker build` and returns what it printed, the image it made and the updated cache. */
export function runBuild(request: BuildRequest): BuildOutcome {
  const cache: BuildCache = structuredClone(request.cache);
  const run: BuildRun = {
    request,
    trace: { vertices: [] },
    now: 0,
    cache,
    contextLoaded: false,
    ignorePatterns: parseDockerignore(request.context['.dockerignore']?.content ?? ''),
    stages: new Map(),
    newBytes: 0,
    metaArgs: new Map(),
  };
  const tags = parseTags(request.tags);
  if (!tags.ok) {
    return { exitCode: 1, output: [{ stream: 'stderr', text: `ERROR: ${tags.message}\n`, delay: 0 }], cache: request.cache, duration: 0, warnings: [] };
  }
  let failure: BuildFailure | undefined;
  let warnings: LintWarning[] = [];
  let image: (ImageRecord & { history: ImageHistoryEntry[] }) | undefined;
  try {
    image = execute(run, tags.tags, (found) => {
      warnings = found;
    });
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    failure = error.failure;
  }
  if (request.vertexPrefix) {
    // Compose asks for a metadata file, so a successful build ends with BuildKit resolving its provenance.
    if (!failure) {
      const end = traceEnd(run.trace);
      const provenance = vertex(run.trace, 'resolving provenance for metadata file', end);
      provenance.start = end;
      provenance.end = end + 2;
    }
    // buildx's progress.WithPrefix(service, true): `[x] …` becomes `[web x] …`, any other name `[web] …`
    // (Compose 2.3x prints `[web auth] …`, `[web] exporting to image`).
    for (const v of run.trace.vertices) {
      v.name = v.name.startsWith('[') ? `[${request.vertexPrefix} ${v.name.slice(1)}` : `[${request.vertexPrefix}] ${v.name}`;
    }
  }
  const output = assembleOutput(run, failure, warnings, image);
  return {
    exitCode: failure ? 1 : 0,
    output,
    image,
    cache: failure ? { ...cache } : cache,
    duration: traceEnd(run.trace),
    warnings,
  };
}

function assembleOutput(run: BuildRun, failure: BuildFailure | undefined, warnings: LintWarning[], image: ImageRecord | undefined): BuildOutput[] {
  const { request } = run;
  const output: BuildOutput[] = [];
  const builder = request.builderName ?? 'default';
  const mode = request.quiet ? 'quiet' : request.progress === 'auto' ? (request.tty ? 'tty' : 'plain') : request.progress;
  let pieces: OutputPiece[] = [];
  if (mode === 'plain' || mode === 'rawjson') pieces = renderPlain(run.trace, `building with ${JSON.stringify(builder)} instance using docker driver`);
  else if (mode === 'tty') pieces = renderTty(run.trace, { columns: request.columns, rows: request.rows, description: `docker:${builder}` });
  else pieces = [{ text: '', delay: traceEnd(run.trace) }];
  for (const piece of pieces) output.push({ stream: 'stderr', text: piece.text, delay: piece.delay });
  if (mode !== 'quiet') {
    const summary = warningSummary(warnings);
    if (summary !== '') output.push({ stream: 'stderr', text: summary, delay: 0 });
  }
  if (failure) {
    const excerpt = request.dockerfile === undefined ? '' : sourceExcerpt(request.dockerfile, request.dockerfileName, failure);
    output.push({ stream: 'stderr', text: `${excerpt}ERROR: failed to solve: ${failure.message}\n`, delay: 0 });
  } else if (mode === 'quiet' && image) {
    output.push({ stream: 'stdout', text: `${image.id}\n`, delay: 0 });
  }
  return output.filter((piece) => piece.text !== '' || piece.delay > 0);
}

function execute(run: BuildRun, tags: TagName[], reportWarnings: (warnings: LintWarning[]) => void): ImageRecord & { history: ImageHistoryEntry[] } {
  const { request, trace } = run;
  const definition = vertex(trace, `[internal] load build definition from ${request.dockerfileName}`, 0);
  definition.start = 0;
  definition.statuses.push(doneStatus('transferring dockerfile:', 5, 12, request.dockerfile === undefined ? 2 : utf8Length(request.dockerfile)));
  definition.end = 30;
  run.now = 30;
  if (request.dockerfile === undefined) {
    throw new StepFailure({ message: `failed to read dockerfile: open ${request.dockerfileName}: no such file or directory`, ranges: [] });
  }
  const parsed = parseDockerfile(request.dockerfile);
  const definitionWarnings = (found: LintWarning[]): void => {
    reportWarnings(found);
    definition.warnings = found.map((warning) => ({ at: 25, text: warningText(warning) }));
  };
  if (!parsed.ok) {
    definitionWarnings(parsed.warnings);
    throw new StepFailure(parsed.failure);
  }
  const dockerfile = parsed.dockerfile;
  run.dockerfile = dockerfile;
  const warnings = lintDockerfile(dockerfile);
  definitionWarnings(warnings);

  // Meta args (ARG before FROM) are visible to FROM lines only.
  const metaArgs = run.metaArgs;
  for (const arg of dockerfile.metaArgs) {
    for (const pair of arg.args) {
      const value = request.buildArgs[pair.key] ?? (pair.value !== undefined ? processWord(pair.value, (name) => metaArgs.get(name), { escapeToken: dockerfile.escapeToken }) : undefined);
      if (value !== undefined) metaArgs.set(pair.key, value);
    }
  }
  const baseNames = new Map<Stage, string>();
  for (const stage of dockerfile.stages) baseNames.set(stage, processWord(stage.from.image, (name) => metaArgs.get(name), { escapeToken: dockerfile.escapeToken }));
  let target = dockerfile.stages[dockerfile.stages.length - 1];
  if (request.target) {
    const named = dockerfile.stages.find((stage) => stage.from.stageName === request.target?.toLowerCase());
    if (!named) throw new StepFailure({ message: `target stage ${JSON.stringify(request.target)} could not be found`, ranges: [] });
    target = named;
  }
  const stages = reachableStages(dockerfile, target, baseNames);
  const stageByName = (name: string): Stage | undefined => dockerfile.stages.find((stage) => stage.from.stageName !== '' && stage.from.stageName === name.toLowerCase());

  // [internal] load metadata for each image a stage starts from, in parallel, with a registry token when remote.
  const metadataStart = run.now;
  const bases = new Map<string, BaseImage>();
  let metadataEnd = metadataStart;
  for (const stage of stages) {
    const name = baseNames.get(stage) ?? '';
    if (name.toLowerCase() === 'scratch' || stageByName(name) || bases.has(name)) continue;
    const reference = parseReference(name);
    const canonical = reference.ok ? reference.withDefaultTag().canonical : name;
    const metadata = vertex(trace, `[internal] load metadata for ${canonical}`, metadataStart);
    metadata.start = metadataStart;
    const found = request.lookupBase(name, { pull: request.pull });
    if (!found.ok) {
      let detail = found.message;
      if (found.reason === 'repository') detail = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
      else if (found.reason === 'manifest') detail = `${canonical}: not found`;
      const repository = reference.ok ? reference.reference.path : name;
      const auth = vertex(trace, `[auth] ${repository}:pull token for registry-1.docker.io`, metadataStart + 12);
      auth.start = metadataStart + 12;
      auth.end = metadataStart + 40;
      metadata.end = metadataStart + 620;
      metadata.error = detail;
      run.now = metadata.end;
      throw new StepFailure({ message: `${name}: failed to resolve source metadata for ${canonical}: ${detail}`, ranges: [stage.from.range] });
    }
    bases.set(name, found.base);
    if (found.base.local) metadata.end = metadataStart + 40;
    else {
      const repository = reference.ok ? reference.reference.path : name;
      const auth = vertex(trace, `[auth] ${repository}:pull token for registry-1.docker.io`, metadataStart + 12);
      auth.start = metadataStart + 12;
      auth.end = metadataStart + 40;
      metadata.end = metadataStart + 1100 + (sha256Hex(canonical).charCodeAt(0) % 7) * 60;
    }
    metadataEnd = Math.max(metadataEnd, metadata.end);
  }
  run.now = metadataEnd;

  const ignore = vertex(trace, '[internal] load .dockerignore', run.now);
  ignore.start = run.now;
  ignore.statuses.push(doneStatus('transferring context:', run.now + 5, run.now + 12, request.context['.dockerignore'] ? utf8Length(request.context['.dockerignore'].content) : 2));
  ignore.end = run.now + 25;
  run.now = ignore.end;

  // Every step of the needed stages is known to the solver from here on.
  const known = run.now;
  run.followPaths = followPaths(stages);
  const usesContext = stages.some((stage) => stage.commands.some((command) => (command.kind === 'COPY' && command.from === '') || command.kind === 'ADD'));
  const multiStage = dockerfile.stages.length > 1;
  let last: StageState | undefined;
  for (const stage of stages) {
    const baseName = baseNames.get(stage) ?? '';
    const parentStage = stageByName(baseName);
    const parent = parentStage ? run.stages.get(parentStage.index) : undefined;
    const base = bases.get(baseName);
    const isScratch = baseName.toLowerCase() === 'scratch';
    const baseConfig: ImageConfig = parent
      ? structuredClone(parent.config)
      : base
        ? structuredClone(base.image.config)
        : { cmd: null, entrypoint: null, env: [], workingDir: '', exposedPorts: [], user: '', volumes: [], labels: {}, program: 'shell' };
    if (!baseConfig.env.some((entry) => entry.startsWith('PATH='))) baseConfig.env = [`PATH=${DEFAULT_PATH}`, ...baseConfig.env];
    const env = new Map<string, string>();
    for (const entry of baseConfig.env) {
      const equals = entry.indexOf('=');
      env.set(entry.slice(0, equals), entry.slice(equals + 1));
    }
    const stepTotal = (isScratch || parentStage ? 0 : 1) + stage.commands.filter(producesVertex).length;
    const state: StageState = {
      stage,
      // dockerfile2llb names unnamed stages `stage-N`, and drops the name when the file has a single stage.
      displayName: !multiStage ? '' : stage.from.stageName !== '' ? stage.from.stageName : `stage-${stage.index}`,
      files: parent ? structuredClone(parent.files) : structuredClone(base?.image.files ?? {}),
      config: { ...baseConfig, shell: parent?.config.shell ?? ['/bin/sh', '-c'], onBuild: [] },
      env,
      args: new Map(),
      declaredArgs: [],
      workdirSet: false,
      cmdSetHere: false,
      key: parent ? parent.key : base ? `from:${base.image.id}` : 'scratch',
      baseImage: parent ? undefined : base?.image,
      baseSize: parent ? parent.baseSize + parent.layers.reduce((sum, layer) => sum + layer.size, 0) : (base?.image.size ?? 0),
      baseLayers: parent ? [...parent.baseLayers, ...parent.layers.map((layer) => layer.digest)] : [...(base?.image.layers ?? [])],
      layers: [],
      history: parent ? structuredClone(parent.history) : structuredClone(base?.history ?? []),
      baseHistoryLength: parent ? parent.baseHistoryLength : (base?.history.length ?? 0),
      platform: parent ? parent.platform : platformOf(isScratch ? 'scratch' : baseName, baseConfig.env),
      stepIndex: 0,
      stepTotal,
      lastCreated: parent ? parent.lastCreated : (base?.image.created ?? request.clock),
      lastSize: 0,
    };
    run.stages.set(stage.index, state);
    const steps = new Map<Instruction, TraceVertex>();
    let fromVertex: TraceVertex | undefined;
    if (base && !parentStage && !isScratch) {
      const name = base.local ? base.canonical : `${base.canonical}@${base.digest}`;
      fromVertex = vertex(trace, `${stepPrefix(state)}FROM ${name}`, known);
    }
    for (const command of stage.commands) {
      if (!producesVertex(command)) continue;
      steps.set(command, vertex(trace, `${stepPrefix(state)}${displayInstruction(command, lookupFor(state))}`, known));
    }
    if (fromVertex && base) {
      const downloading = !base.local && !run.cache.bases.includes(base.image.id);
      if (downloading && usesContext) loadContext(run);
      pullBase(run, fromVertex, base, downloading);
    }
    if (usesContext) loadContext(run);
    for (const command of stage.commands) {
      const step = steps.get(command);
      // Names were fixed before the steps ran; refresh them now that ENV/ARG above them are known.
      if (step) step.name = step.name.replace(/\] .*$/, `] ${displayInstruction(command, lookupFor(state))}`);
      runStep(run, state, command, step);
    }
    last = state;
  }
  if (!last) throw new StepFailure({ message: 'no build stage in current context', ranges: [] });
  return exportImage(run, last, tags);
}

function pullBase(run: BuildRun, v: TraceVertex, base: BaseImage, downloading: boolean): void {
  const start = run.now;
  v.start = start;
  if (base.local) {
    v.end = start + 10;
    run.now = v.end;
    return;
  }
  const resolveId = `resolve ${base.canonical}@${base.digest}`;
  if (!downloading) {
    // The layers are in the build cache: reused, unless --no-cache makes the step resolve again.
    if (!run.request.noCache) {
      v.cached = true;
      v.end = start;
      return;
    }
    v.statuses.push(doneStatus(resolveId, start + 2, start + 32, 0));
    v.end = start + 40;
    run.now = v.end;
    return;
  }
  v.statuses.push(doneStatus(resolveId, start + 2, start + 32, 0));
  let time = start + 40;
  const manifestSize = 1365 + (base.digest.charCodeAt(10) % 400);
  v.statuses.push(doneStatus(base.digest, time, time + 15, manifestSize, manifestSize));
  const bandwidth = 22_000; // bytes per virtual ms, shared by parallel downloads
  const downloads = base.blobs.map((blob) => {
    const duration = Math.max(60, Math.round(blob.size / (bandwidth / Math.max(1, base.blobs.length))));
    return { blob, start: time + 20, end: time + 20 + duration };
  });
  for (const download of downloads) {
    const samples = [];
    for (let at = download.start + 100; at < download.end; at += 200) {
      samples.push({ at, current: Math.floor((download.blob.size * (at - download.start)) / (download.end - download.start)) });
    }
    samples.push({ at: download.end, current: download.blob.size });
    v.statuses.push({ id: download.blob.digest, start: download.start, end: download.end, total: download.blob.size, samples });
  }
  // Layers are extracted in order, each once it and those below it are downloaded.
  let extractAt = 0;
  for (const download of downloads) {
    const extractStart = Math.max(extractAt, download.end + 5);
    const extractEnd = extractStart + Math.max(20, Math.round(download.blob.size / 60_000));
    v.statuses.push({ id: `extracting ${download.blob.digest}`, start: extractStart, end: extractEnd, samples: [{ at: extractStart, current: 0 }, { at: extractEnd, current: 0 }] });
    extractAt = extractEnd;
  }
  time = Math.max(time + 60, extractAt);
  v.end = time + 30;
  run.now = v.end;
  run.cache.bases.push(base.image.id);
}

function exportImage(run: BuildRun, state: StageState, tags: TagName[]): ImageRecord & { history: ImageHistoryEntry[] } {
  const { request, trace } = run;
  const config: ImageConfig = {
    cmd: state.config.cmd,
    entrypoint: state.config.entrypoint,
    env: state.config.env,
    workingDir: state.config.workingDir,
    exposedPorts: state.config.exposedPorts,
    user: state.config.user,
    volumes: state.config.volumes,
    labels: { ...state.config.labels, ...(request.labels ?? {}) },
    program: state.config.program,
  };
  if (state.config.stopSignal) config.stopSignal = state.config.stopSignal;
  const extras: Record<string, unknown> = {};
  if (state.config.healthcheck) extras.healthcheck = state.config.healthcheck.test;
  const layers = [...state.baseLayers, ...state.layers.map((layer) => layer.digest)];
  const history = state.history;
  // The base's rows are fixed by its layers, already hashed: the id stays a function of this build's own steps.
  const id = sha256Digest(JSON.stringify({ config, extras, layers, history: history.slice(state.baseHistoryLength) }));
  // Set after the id is worked out: the id already counts the healthcheck (in `extras` and its history row).
  if (state.config.healthcheck) config.healthcheck = state.config.healthcheck;
  const start = run.now;
  const exporting = vertex(trace, 'exporting to image', start);
  exporting.start = start;
  const layersTime = run.newBytes > 0 ? 40 + Math.round(run.newBytes / 120_000) : 5;
  exporting.statuses.push(
    layersTime > 100
      ? { id: 'exporting layers', start, end: start + layersTime, samples: [{ at: start, current: 0 }, { at: start + layersTime, current: 0 }] }
      : doneStatus('exporting layers', start, start + layersTime, 0),
  );
  let time = start + layersTime;
  exporting.statuses.push(doneStatus(`writing image ${id}`, time + 1, time + 6, 0));
  time += 7;
  for (const tag of tags) {
    exporting.statuses.push(doneStatus(`naming to ${tag.naming}`, time, time + 3, 0));
    time += 4;
  }
  exporting.end = time + 2;
  run.now = exporting.end;
  const size = state.baseSize + state.layers.reduce((sum, layer) => sum + layer.size, 0);
  const created = history.reduce((latest, entry) => Math.max(latest, entry.created), state.baseImage?.created ?? 0) || request.clock;
  const image = {
    id,
    repoTags: tags.map((tag) => tag.familiar),
    repoDigests: [],
    created,
    size,
    layers,
    config,
    files: state.files,
    history,
  };
  void formatBytes;
  return image;
}

/** Reads a build context out of a file tree: every file under `root`, by path relative to it. */
export function contextFromTree(tree: FsTree, root: string): BuildContextFiles {
  const prefix = root === '/' ? '/' : `${normalizePath(root)}/`;
  const files: BuildContextFiles = {};
  for (const [path, node] of Object.entries(tree)) {
    if (node.type !== 'file' || !path.startsWith(prefix)) continue;
    files[path.slice(prefix.length)] = { content: node.content, mode: node.mode };
  }
  return files;
}
