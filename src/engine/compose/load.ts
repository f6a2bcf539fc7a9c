// Loading a compose project as compose-go does: find the files, read .env, interpolate, validate, normalise, check.

import { parseAllDocuments } from 'yaml';
import { baseName, isFsError, parentPath, resolvePath, type FileSystem } from '../shell/vfs.ts';
import { parseDotenv } from './dotenv.ts';
import { interpolationError, substitute, unsetVariableWarning, type Lookup } from './interpolate.ts';
import type { ComposeProject, ComposeService } from './model.ts';
import { normalizeNetwork, normalizeService, normalizeVolume } from './normalize.ts';
import { validateCompose } from './schema.ts';

/** compose-go's `DefaultFileNames`, in order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
/** compose-go's `DefaultOverrideFileNames`. */
export const DEFAULT_OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/**
 * Compose's exit codes for load failures (docker/compose pkg/compose/errors.go failure categories):
 * a missing file is a "file not found" failure, anything else in the model a "compose parse" failure.
 */
export const EXIT_FILE_NOT_FOUND = 14;
export const EXIT_PARSE_FAILURE = 15;

export interface LoadOptions {
  fs: FileSystem;
  cwd: string;
  home: string;
  /** The shell's environment; it wins over `.env`, as `cli.WithOsEnv` comes first. */
  env: Record<string, string>;
  /** `-f` files as typed. */
  files?: string[];
  /** `-p`. */
  projectName?: string;
  /** `--project-directory`. */
  projectDirectory?: string;
  /** `--env-file` files as typed. */
  envFiles?: string[];
  /** `--profile`. */
  profiles?: string[];
}

export type LoadResult =
  | { ok: true; project: ComposeProject; warnings: string[] }
  | { ok: false; message: string; exitCode: number; warnings: string[] };

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exists(fs: FileSystem, path: string): 'file' | 'dir' | undefined {
  const stat = fs.stat(path);
  if (isFsError(stat)) return undefined;
  return stat.type === 'dir' ? 'dir' : 'file';
}

/** compose-go's `NormalizeProjectName`: lowercase, keep `[a-z0-9_-]`, drop leading `_` and `-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

export function invalidProjectNameMessage(name: string): string {
  return `invalid project name "${name}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`;
}

interface FoundFiles {
  files: string[];
  warnings: string[];
}

/** `cli.WithDefaultConfigPath`: the first directory, from `cwd` up, that holds a compose file wins. */
export function findComposeFiles(fs: FileSystem, cwd: string): FoundFiles | undefined {
  let dir = cwd;
  for (;;) {
    const candidates = DEFAULT_FILE_NAMES.map((name) => (dir === '/' ? `/${name}` : `${dir}/${name}`)).filter((path) => exists(fs, path));
    if (candidates.length > 0) {
      const warnings: string[] = [];
      if (candidates.length > 1) {
        warnings.push(`Found multiple config files with supported names: ${candidates.join(', ')}`, `Using ${candidates[0]}`);
      }
      const files = [candidates[0]];
      const overrides = DEFAULT_OVERRIDE_FILE_NAMES.map((name) => (dir === '/' ? `/${name}` : `${dir}/${name}`)).filter((path) => exists(fs, path));
      if (overrides.length > 1) {
        warnings.push(`Found multiple override files with supported names: ${overrides.join(', ')}`, `Using ${overrides[0]}`);
      }
      if (overrides.length > 0) files.push(overrides[0]);
      return { files, warnings };
    }
    if (dir === '/') return undefined;
    dir = parentPath(dir);
  }
}

interface YamlError {
  code?: string;
  message: string;
  linePos?: Array<{ line: number }>;
}

/** yaml (eemeli) errors worded the way Go's YAML decoder words the common ones. */
function yamlMessage(error: YamlError, all: YamlError[] = [error]): string {
  // go-yaml marks `mapping values are not allowed` at the colon; a key run onto the next line puts it there.
  const runOn = all.find((candidate) => candidate.code === 'MULTILINE_IMPLICIT_KEY');
  const line = runOn?.linePos?.[1]?.line ?? error.linePos?.[0]?.line ?? 1;
  const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/Map keys must be unique/.test(first)) return `yaml: line ${line}: mapping key already defined`;
  if (/Nested mappings are not allowed in compact mappings|Implicit map keys need to be/.test(first)) {
    return `yaml: line ${line}: mapping values are not allowed in this context`;
  }
  if (/Tabs are not allowed/.test(first)) return `yaml: line ${line}: found character that cannot start any token`;
  return `yaml: line ${line}: did not find expected key`;
}

interface InterpolationState {
  lookup: Lookup;
  warnings: string[];
}

/** Interpolates every string value (never keys), naming list items `[]` in paths as compose-go's tree does. */
function interpolateTree(value: unknown, path: string, state: InterpolationState): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof value === 'string') {
    const result = substitute(value, state.lookup);
    if (!result.ok) return { ok: false, message: interpolationError(result, path, value) };
    for (const name of result.unset) state.warnings.push(unsetVariableWarning(name));
    return { ok: true, value: result.value };
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const result = interpolateTree(item, path === '' ? '[]' : `${path}.[]`, state);
      if (!result.ok) return result;
      out.push(result.value);
    }
    return { ok: true, value: out };
  }
  if (isDict(value)) {
    const out: Dict = {};
    for (const [key, item] of Object.entries(value)) {
      const result = interpolateTree(item, path === '' ? key : `${path}.${key}`, state);
      if (!result.ok) return result;
      out[key] = result.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value };
}

/** Attributes whose lists an override file adds to rather than replaces (compose-go's override merge). */
const APPENDED_LISTS = new Set(['ports', 'expose', 'dns', 'dns_search', 'cap_add', 'cap_drop', 'external_links', 'extra_hosts', 'volumes', 'env_file']);

function merge(base: unknown, override: unknown, key = ''): unknown {
  if (isDict(base) && isDict(override)) {
    const out: Dict = { ...base };
    for (const [name, value] of Object.entries(override)) out[name] = name in base ? merge(base[name], value, name) : value;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(override) && APPENDED_LISTS.has(key)) {
    const seen = new Set(base.map((item) => JSON.stringify(item)));
    return [...base, ...override.filter((item) => !seen.has(JSON.stringify(item)))];
  }
  return override;
}

function fail(message: string, warnings: string[], exitCode = EXIT_PARSE_FAILURE): LoadResult {
  return { ok: false, message, exitCode, warnings };
}

function readEnvFiles(fs: FileSystem, paths: string[], environment: Record<string, string>): string | undefined {
  for (const path of paths) {
    const content = fs.readFile(path);
    if (isFsError(content)) continue;
    const lookup: Lookup = (name) => environment[name];
    const parsed = parseDotenv(content, path, lookup);
    if (!parsed.ok) return parsed.message;
    // Mapping.Merge: a variable already known (from the shell, or an earlier file) keeps its value.
    for (const [key, value] of Object.entries(parsed.values)) if (!(key in environment)) environment[key] = value;
  }
  return undefined;
}

function dependencyCycle(services: ComposeService[]): string | undefined {
  const byName = new Map(services.map((service) => [service.name, service]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      return `dependency cycle detected: ${cycle.join(' -> ')}`;
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of Object.keys(byName.get(name)?.dependsOn ?? {}).sort()) {
      if (!byName.has(dependency)) continue;
      const found = visit(dependency);
      if (found) return found;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const service of services) {
    const found = visit(service.name);
    if (found) return found;
  }
  return undefined;
}

/** compose-go's `checkConsistency`, services in name order (compose-go walks a map, so any order is real). */
function consistencyError(project: ComposeProject): string | undefined {
  const invalid = 'invalid compose project';
  for (const service of project.services) {
    if (!service.image && !service.build) return `service "${service.name}" has neither an image nor a build context specified: ${invalid}`;
    if (service.networkMode !== undefined && Object.keys(service.networks).length > 0) {
      return `service ${service.name} declares mutually exclusive \`network_mode\` and \`networks\`: ${invalid}`;
    }
    for (const network of Object.keys(service.networks)) {
      if (!(network in project.networks)) return `service "${service.name}" refers to undefined network ${network}: ${invalid}`;
    }
    const test = service.healthcheck?.test;
    if (test && test.length > 0 && !['CMD', 'CMD-SHELL', 'NONE'].includes(test[0])) {
      return 'healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"';
    }
    for (const dependency of Object.keys(service.dependsOn)) {
      if (!project.services.some((candidate) => candidate.name === dependency)) {
        return `service "${service.name}" depends on undefined service "${dependency}": ${invalid}`;
      }
    }
    for (const volume of service.volumes) {
      if (volume.type === 'volume' && volume.source !== undefined && !(volume.source in project.volumes)) {
        return `service "${service.name}" refers to undefined volume ${volume.source}: ${invalid}`;
      }
    }
  }
  return dependencyCycle(project.services);
}

export function loadProject(options: LoadOptions): LoadResult {
  const { fs, cwd, home } = options;
  const warnings: string[] = [];
  if (options.projectName !== undefined && options.projectName !== '' && normalizeProjectName(options.projectName) !== options.projectName) {
    return fail(invalidProjectNameMessage(options.projectName), warnings);
  }
  const environment: Record<string, string> = { ...options.env };
  if (!('PWD' in environment)) environment.PWD = cwd;

  // Which files: -f, else COMPOSE_FILE, else the nearest default name from cwd upwards.
  let files: string[];
  if (options.files && options.files.length > 0) {
    files = options.files.map((file) => resolvePath(cwd, file, home));
  } else if (environment.COMPOSE_FILE !== undefined) {
    const separator = environment.COMPOSE_PATH_SEPARATOR || ':';
    files = environment.COMPOSE_FILE.split(separator).map((file) => resolvePath(cwd, file, home));
    for (const file of files) if (!exists(fs, file)) return fail(`stat ${file}: no such file or directory`, warnings, EXIT_FILE_NOT_FOUND);
  } else {
    const found = findComposeFiles(fs, cwd);
    if (!found) return fail('no configuration file provided: not found', warnings, EXIT_FILE_NOT_FOUND);
    warnings.push(...found.warnings);
    files = found.files;
  }
  const workingDir = options.projectDirectory ? resolvePath(cwd, options.projectDirectory, home) : parentPath(files[0]);

  // .env: explicit --env-file files must exist; otherwise the one beside the project, when it is a file.
  let envPaths: string[];
  if (options.envFiles && options.envFiles.length > 0) {
    envPaths = options.envFiles.map((file) => resolvePath(cwd, file, home));
    for (const path of envPaths) if (exists(fs, path) !== 'file') return fail(`Couldn't find env file: ${path}`, warnings, EXIT_FILE_NOT_FOUND);
  } else {
    const dotenv = `${workingDir === '/' ? '' : workingDir}/.env`;
    envPaths = exists(fs, dotenv) === 'file' ? [dotenv] : [];
  }
  const envProblem = readEnvFiles(fs, envPaths, environment);
  if (envProblem) return fail(envProblem, warnings);
  const lookup: Lookup = (name) => environment[name];

  // Read, interpolate, merge and validate each file.
  let model: Dict = {};
  for (const file of files) {
    const content = fs.readFile(file);
    if (isFsError(content)) {
      const reason = content.errno === 'EISDIR' ? 'is a directory' : 'no such file or directory';
      return fail(`open ${file}: ${reason}`, warnings, EXIT_FILE_NOT_FOUND);
    }
    const documents = parseAllDocuments(content, { uniqueKeys: true });
    const list = Array.isArray(documents) ? documents : [documents];
    for (const document of list) {
      const error = document.errors[0];
      if (error) return fail(yamlMessage(error, document.errors), warnings);
      const raw: unknown = document.toJS();
      if (raw === null || raw === undefined) continue;
      if (!isDict(raw)) return fail('top-level object must be a mapping', warnings);
      const state: InterpolationState = { lookup, warnings };
      const interpolated = interpolateTree(raw, '', state);
      if (!interpolated.ok) return fail(interpolated.message, warnings);
      model = merge(model, interpolated.value) as Dict;
      const problem = validateCompose(model);
      if (problem !== undefined) return fail(`validating ${file}: ${problem}`, warnings);
      if ('version' in model) {
        warnings.push(`${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
        delete model.version;
      }
    }
  }
  if (Object.keys(model).length === 0) return fail('empty compose file', warnings);

  // The project name: -p, then COMPOSE_PROJECT_NAME, then `name:`, then the project folder.
  let name: string;
  if (options.projectName) name = options.projectName;
  else if (environment.COMPOSE_PROJECT_NAME) {
    name = environment.COMPOSE_PROJECT_NAME;
    if (normalizeProjectName(name) !== name) return fail(invalidProjectNameMessage(name), warnings);
  } else if (typeof model.name === 'string' && normalizeProjectName(model.name) !== '') name = normalizeProjectName(model.name);
  else name = normalizeProjectName(baseName(workingDir));
  if (name === '') return fail('project name must not be empty', warnings);
  environment.COMPOSE_PROJECT_NAME = name;

  const rawServices = isDict(model.services) ? model.services : {};
  const activeProfiles = options.profiles && options.profiles.length > 0 ? options.profiles : (environment.COMPOSE_PROFILES ?? '').split(',').map((profile) => profile.trim()).filter(Boolean);
  const services: ComposeService[] = [];
  for (const serviceName of Object.keys(rawServices).sort()) {
    const raw = rawServices[serviceName];
    const normalized = normalizeService(serviceName, isDict(raw) ? raw : {}, { workingDir, home });
    if (!normalized.ok) return fail(normalized.message, warnings);
    const service = normalized.value;
    if (service.profiles.length > 0 && !service.profiles.some((profile) => activeProfiles.includes(profile) || activeProfiles.includes('*'))) continue;
    services.push(service);
  }

  const rawNetworks = isDict(model.networks) ? model.networks : {};
  const networks: ComposeProject['networks'] = {};
  for (const key of Object.keys(rawNetworks)) networks[key] = normalizeNetwork(name, key, rawNetworks[key]);
  if (!('default' in networks) && services.some((service) => 'default' in service.networks)) networks.default = normalizeNetwork(name, 'default', null);
  const rawVolumes = isDict(model.volumes) ? model.volumes : {};
  const volumes: ComposeProject['volumes'] = {};
  for (const key of Object.keys(rawVolumes)) volumes[key] = normalizeVolume(name, key, rawVolumes[key]);

  const project: ComposeProject = { name, workingDir, composeFiles: files, services, networks, volumes, environment };
  const inconsistency = consistencyError(project);
  if (inconsistency) return fail(inconsistency, warnings);

  // Environment resolution: env_file first, `environment` over it, bare keys from the project environment.
  for (const service of services) {
    const resolved: Record<string, string | null> = {};
    for (const envFile of service.envFiles) {
      const content = fs.readFile(envFile.path);
      if (isFsError(content)) {
        if (!envFile.required) continue;
        return fail(`env file ${envFile.path} not found: stat ${envFile.path}: no such file or directory`, warnings);
      }
      const parsed = parseDotenv(content, envFile.path, lookup);
      if (!parsed.ok) return fail(parsed.message, warnings);
      Object.assign(resolved, parsed.values);
    }
    Object.assign(resolved, service.environment);
    for (const [key, value] of Object.entries(resolved)) if (value === null && environment[key] !== undefined) resolved[key] = environment[key];
    service.environment = resolved;
  }
  return { ok: true, project, warnings };
}
