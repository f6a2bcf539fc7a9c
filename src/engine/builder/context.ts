// What `docker build` takes from the host: the context directory's files and the Dockerfile, and where the result goes.

import type { MachineState } from '../state/machine-state.ts';
import { isFsError, resolvePath, type FileSystem } from '../shell/vfs.ts';
import { emptyBuildCache, type BuildContextFiles, type BuildOutcome } from './build.ts';

/** Guards against a context that would take the simulated browser down (a `docker build /`). */
const MAX_CONTEXT_FILES = 5000;

export type ContextResult = { ok: true; files: BuildContextFiles } | { ok: false; message: string };

/** Every file under `dir`, by path relative to it, as buildx sends the context; errors name the path as typed. */
export function readBuildContext(fs: FileSystem, dir: string, typed: string = dir): ContextResult {
  const root = fs.stat(dir);
  if (isFsError(root)) return { ok: false, message: `unable to prepare context: path ${JSON.stringify(typed)} not found` };
  if (root.type !== 'dir') return { ok: false, message: `unable to prepare context: path ${JSON.stringify(typed)} is not a directory` };
  const files: BuildContextFiles = {};
  let count = 0;
  const walk = (path: string, relative: string): void => {
    const names = fs.readdir(path);
    if (isFsError(names)) return;
    for (const name of names) {
      if (count >= MAX_CONTEXT_FILES) return;
      const child = path === '/' ? `/${name}` : `${path}/${name}`;
      const childRelative = relative === '' ? name : `${relative}/${name}`;
      const stat = fs.stat(child);
      if (isFsError(stat)) continue;
      if (stat.type === 'dir') walk(child, childRelative);
      else {
        const content = fs.readFile(child);
        if (isFsError(content)) continue;
        files[childRelative] = { content, mode: stat.mode };
        count++;
      }
    }
  };
  walk(dir, '');
  return { ok: true, files };
}

export interface DockerfileSource {
  text: string | undefined;
  /** The name BuildKit shows (`load build definition from Dockerfile`): the file's base name. */
  name: string;
}

/** The Dockerfile `-f` names (relative to the shell's directory), or `PATH/Dockerfile`. */
export function readDockerfile(fs: FileSystem, cwd: string, contextDir: string, file: string | undefined): DockerfileSource {
  const path = file ? resolvePath(cwd, file) : resolvePath(contextDir, 'Dockerfile');
  const text = fs.readFile(path);
  return { text: isFsError(text) ? undefined : text, name: path.slice(path.lastIndexOf('/') + 1) };
}

/** Puts a finished build into the machine: the image (tags move to it), and the builder's cache. */
export function commitBuild(state: MachineState, outcome: BuildOutcome): void {
  state.buildCache = outcome.cache;
  const image = outcome.image;
  if (!image) return;
  for (const other of state.images) {
    if (other.id !== image.id) other.repoTags = other.repoTags.filter((tag) => !image.repoTags.includes(tag));
  }
  const existing = state.images.find((candidate) => candidate.id === image.id);
  if (existing) {
    existing.repoTags = [...new Set([...existing.repoTags, ...image.repoTags])];
    return;
  }
  state.images.push(image);
}

/** `--build-arg KEY=value` values; a bare `KEY` takes the shell's variable when it is set, as buildx does. */
export function buildArgsFrom(values: readonly string[], env: Record<string, string>): Record<string, string> {
  const args: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals !== -1) args[value.slice(0, equals)] = value.slice(equals + 1);
    else if (env[value] !== undefined) args[value] = env[value];
  }
  return args;
}

/** `--label key=value` values (a bare key labels with the empty string). */
export function labelsFrom(values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals === -1) labels[value] = '';
    else labels[value.slice(0, equals)] = value.slice(equals + 1);
  }
  return labels;
}

export function buildCacheOf(state: MachineState): NonNullable<MachineState['buildCache']> {
  return state.buildCache ?? emptyBuildCache();
}
