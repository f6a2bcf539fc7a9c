// What pip, apt-get and npm print and install inside a build, from small catalogs with fixed versions.

import type { FsTree } from '../state/machine-state.ts';

/** One line of program output, `at` ms after the program started. */
export interface TimedLine {
  at: number;
  text: string;
}

export interface ProgramResult {
  exitCode: number;
  lines: TimedLine[];
  /** How long the program ran (virtual ms). */
  duration: number;
  /** Bytes the program added to the layer. */
  addedBytes: number;
}

/** A file system the package managers read and write: absolute path → entry. */
export interface BuildFiles {
  tree: FsTree;
  now: number;
}

export function writeBuildFile(files: BuildFiles, path: string, content: string, mode = 0o644): void {
  ensureDir(files, parentOf(path));
  files.tree[path] = { type: 'file', content, mode, mtime: files.now };
}

export function ensureDir(files: BuildFiles, path: string): void {
  if (path === '/' || path === '') {
    if (!files.tree['/']) files.tree['/'] = { type: 'dir', mode: 0o755, mtime: files.now };
    return;
  }
  if (files.tree[path]?.type === 'dir') return;
  ensureDir(files, parentOf(path));
  files.tree[path] = { type: 'dir', mode: 0o755, mtime: files.now };
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** A timeline writer: lines land at the current time, `wait` moves it on. */
export class Timeline {
  readonly lines: TimedLine[] = [];
  now = 0;

  line(text: string): void {
    for (const piece of text.split('\n')) this.lines.push({ at: this.now, text: piece });
  }

  wait(ms: number): void {
    this.now += ms;
  }
}

// -----------------------------------------------------------------------------------------------------------
// pip (python images ship pip 23.0.1)

interface PythonPackage {
  name: string;
  version: string;
  wheel: string;
  /** Wheel bytes, what `Downloading … (101 kB)` shows. */
  bytes: number;
  /** Bytes once installed in site-packages. */
  installed: number;
  requires: string[];
}

const PIP_VERSION = '23.0.1';
const PIP_LATEST = '25.1.1';

function pyPackage(name: string, version: string, wheel: string, bytes: number, requires: string[] = [], installed = bytes * 7): PythonPackage {
  return { name, version, wheel, bytes, installed, requires };
}

const PYTHON_PACKAGES: PythonPackage[] = [
  pyPackage('flask', '3.0.3', 'flask-3.0.3-py3-none-any.whl', 101735, ['Werkzeug>=3.0.0', 'Jinja2>=3.1.2', 'itsdangerous>=2.1.2', 'click>=8.1.3', 'blinker>=1.6.2', 'importlib-metadata>=3.6.0']),
  pyPackage('Werkzeug', '3.0.3', 'werkzeug-3.0.3-py3-none-any.whl', 227274, ['MarkupSafe>=2.1.1']),
  pyPackage('Jinja2', '3.1.4', 'jinja2-3.1.4-py3-none-any.whl', 133271, ['MarkupSafe>=2.0']),
  pyPackage('itsdangerous', '2.2.0', 'itsdangerous-2.2.0-py3-none-any.whl', 16038),
  pyPackage('click', '8.1.7', 'click-8.1.7-py3-none-any.whl', 97941),
  pyPackage('blinker', '1.8.2', 'blinker-1.8.2-py3-none-any.whl', 9456),
  pyPackage('importlib-metadata', '8.0.0', 'importlib_metadata-8.0.0-py3-none-any.whl', 24120, ['zipp>=0.5']),
  pyPackage('zipp', '3.19.2', 'zipp-3.19.2-py3-none-any.whl', 8977),
  pyPackage('MarkupSafe', '2.1.5', 'MarkupSafe-2.1.5-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 25921),
  pyPackage('requests', '2.32.3', 'requests-2.32.3-py3-none-any.whl', 64928, ['charset-normalizer<4,>=2', 'idna<4,>=2.5', 'urllib3<3,>=1.21.1', 'certifi>=2017.4.17']),
  pyPackage('charset-normalizer', '3.3.2', 'charset_normalizer-3.3.2-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 142284),
  pyPackage('idna', '3.7', 'idna-3.7-py3-none-any.whl', 66836),
  pyPackage('urllib3', '2.2.2', 'urllib3-2.2.2-py3-none-any.whl', 121384),
  pyPackage('certifi', '2024.7.4', 'certifi-2024.7.4-py3-none-any.whl', 162960),
  pyPackage('gunicorn', '22.0.0', 'gunicorn-22.0.0-py3-none-any.whl', 84403, ['packaging']),
  pyPackage('packaging', '24.1', 'packaging-24.1-py3-none-any.whl', 53985),
  pyPackage('psycopg2-binary', '2.9.9', 'psycopg2_binary-2.9.9-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 3047652),
  pyPackage('redis', '5.0.7', 'redis-5.0.7-py3-none-any.whl', 252174, ['async-timeout>=4.0.3']),
  pyPackage('async-timeout', '4.0.3', 'async_timeout-4.0.3-py3-none-any.whl', 5721),
  pyPackage('python-dotenv', '1.0.1', 'python_dotenv-1.0.1-py3-none-any.whl', 19863),
  pyPackage('numpy', '2.0.2', 'numpy-2.0.2-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 19532189, [], 62000000),
  pyPackage('pandas', '2.2.2', 'pandas-2.2.2-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 13072142, ['numpy>=1.22.4', 'python-dateutil>=2.8.2', 'pytz>=2020.1', 'tzdata>=2022.7'], 58000000),
  pyPackage('python-dateutil', '2.9.0.post0', 'python_dateutil-2.9.0.post0-py2.py3-none-any.whl', 229892, ['six>=1.5']),
  pyPackage('six', '1.16.0', 'six-1.16.0-py2.py3-none-any.whl', 11053),
  pyPackage('pytz', '2024.1', 'pytz-2024.1-py2.py3-none-any.whl', 505474),
  pyPackage('tzdata', '2024.1', 'tzdata-2024.1-py2.py3-none-any.whl', 345370),
  pyPackage('SQLAlchemy', '2.0.31', 'SQLAlchemy-2.0.31-cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 3100925, ['typing-extensions>=4.6.0', 'greenlet!=0.4.17']),
  pyPackage('typing_extensions', '4.12.2', 'typing_extensions-4.12.2-py3-none-any.whl', 37438),
  pyPackage('greenlet', '3.0.3', 'greenlet-3.0.3-cp39-cp39-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl', 614320),
  pyPackage('Django', '4.2.14', 'Django-4.2.14-py3-none-any.whl', 7993112, ['asgiref<4,>=3.6.0', 'sqlparse>=0.3.1']),
  pyPackage('asgiref', '3.8.1', 'asgiref-3.8.1-py3-none-any.whl', 23774, ['typing-extensions>=4']),
  pyPackage('sqlparse', '0.5.1', 'sqlparse-0.5.1-py3-none-any.whl', 44156),
  pyPackage('uvicorn', '0.30.1', 'uvicorn-0.30.1-py3-none-any.whl', 62779, ['click>=7.0', 'h11>=0.8', 'typing-extensions>=4.0']),
  pyPackage('h11', '0.14.0', 'h11-0.14.0-py3-none-any.whl', 58259),
  pyPackage('pytest', '8.2.2', 'pytest-8.2.2-py3-none-any.whl', 339875, ['iniconfig', 'packaging', 'pluggy<2.0,>=1.5', 'exceptiongroup>=1.0.0rc8', 'tomli>=1']),
  pyPackage('iniconfig', '2.0.0', 'iniconfig-2.0.0-py3-none-any.whl', 5892),
  pyPackage('pluggy', '1.5.0', 'pluggy-1.5.0-py3-none-any.whl', 20556),
  pyPackage('exceptiongroup', '1.2.1', 'exceptiongroup-1.2.1-py3-none-any.whl', 16458),
  pyPackage('tomli', '2.0.1', 'tomli-2.0.1-py3-none-any.whl', 12757),
];

function canonicalPythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function findPythonPackage(name: string): PythonPackage | undefined {
  const wanted = canonicalPythonName(name);
  return PYTHON_PACKAGES.find((candidate) => canonicalPythonName(candidate.name) === wanted);
}

/** pip's format_size. */
function pipSize(bytes: number): string {
  if (bytes > 1000 * 1000) return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
  if (bytes > 10 * 1000) return `${Math.floor(bytes / 1000)} kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${Math.floor(bytes)} bytes`;
}

/** rich's DownloadColumn: both numbers in the unit of the total, one decimal. */
function richDownloaded(bytes: number): string {
  if (bytes >= 1000 * 1000) {
    const value = (bytes / 1000 / 1000).toFixed(1);
    return `${value}/${value} MB`;
  }
  const value = (bytes / 1000).toFixed(1);
  return `${value}/${value} kB`;
}

const PIP_BAR = '━'.repeat(40);

function sitePackages(env: Record<string, string>): string {
  const version = env.PYTHON_VERSION ?? '3.9.23';
  const [major, minor] = version.split('.');
  return `/usr/local/lib/python${major}.${minor}/site-packages`;
}

function requirementName(spec: string): string {
  return spec.split(/[<>=!~;\[ ]/)[0].trim();
}

function readRequirements(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

export interface PipRequest {
  args: string[];
  env: Record<string, string>;
  workdir: string;
  files: BuildFiles;
  readFile(path: string): string | undefined;
}

/** `pip install …` as pip 23.0.1 prints it in a build (no terminal, running as root). */
export function runPip(request: PipRequest): ProgramResult {
  const out = new Timeline();
  const [command, ...rest] = request.args;
  const finish = (exitCode: number, addedBytes = 0): ProgramResult => ({ exitCode, lines: out.lines, duration: out.now, addedBytes });
  const versionNotice = (): void => {
    out.wait(310);
    out.line('');
    out.line(`[notice] A new release of pip is available: ${PIP_VERSION} -> ${PIP_LATEST}`);
    out.line('[notice] To update, run: pip install --upgrade pip');
  };
  if (command === '--version' || command === '-V') {
    out.wait(240);
    out.line(`pip ${PIP_VERSION} from ${sitePackages(request.env)}/pip (python ${(request.env.PYTHON_VERSION ?? '3.9.23').split('.').slice(0, 2).join('.')})`);
    return finish(0);
  }
  if (command === 'list' || command === 'freeze') {
    out.wait(300);
    return finish(0);
  }
  if (command !== 'install') {
    out.wait(200);
    out.line(`ERROR: unknown command "${command ?? ''}"`);
    return finish(1);
  }
  const specs: string[] = [];
  let quiet = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-r' || arg === '--requirement') {
      const file = rest[++i] ?? '';
      const path = file.startsWith('/') ? file : `${request.workdir === '/' ? '' : request.workdir}/${file}`;
      const text = request.readFile(path);
      out.wait(350);
      if (text === undefined) {
        out.line(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'`);
        versionNotice();
        return finish(1);
      }
      specs.push(...readRequirements(text));
      // An explicit -r counts as a requirement even when the file lists none.
      specs.push('');
    } else if (arg.startsWith('--requirement=')) {
      const text = request.readFile(arg.slice('--requirement='.length));
      specs.push(...readRequirements(text ?? ''), '');
    } else if (arg === '-q' || arg === '--quiet') quiet = true;
    else if (arg.startsWith('-')) continue;
    else specs.push(arg);
  }
  const wanted = specs.filter((spec) => spec !== '');
  if (specs.length === 0) {
    out.wait(420);
    out.line('ERROR: You must give at least one requirement to install (see "pip help install")');
    versionNotice();
    return finish(1);
  }
  const installedDir = sitePackages(request.env);
  const already = (name: string): boolean =>
    Object.keys(request.files.tree).some((path) => path.startsWith(`${installedDir}/`) && path.toLowerCase().includes(`/${canonicalPythonName(name).replace(/-/g, '_')}-`));
  const collected: { pkg: PythonPackage; spec: string }[] = [];
  const queue = wanted.map((spec) => ({ spec, from: '' }));
  const seen = new Set<string>();
  let downloadAt = 900;
  out.wait(downloadAt);
  while (queue.length > 0) {
    const { spec, from } = queue.shift()!;
    const name = requirementName(spec);
    const key = canonicalPythonName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const pkg = findPythonPackage(name);
    if (!pkg) {
      out.wait(600);
      out.line(`ERROR: Could not find a version that satisfies the requirement ${spec} (from versions: none)`);
      out.line(`ERROR: No matching distribution found for ${spec}`);
      versionNotice();
      return finish(1);
    }
    const pinned = /==\s*([^,;\s]+)/.exec(spec)?.[1];
    const resolved = pinned ? { ...pkg, version: pinned, wheel: pkg.wheel.replace(pkg.version, pinned) } : pkg;
    if (already(resolved.name)) {
      out.wait(20);
      if (!quiet) out.line(`Requirement already satisfied: ${spec} in ${installedDir}${from ? ` (from ${from})` : ''} (${resolved.version})`);
      for (const dependency of resolved.requires) queue.push({ spec: dependency, from: resolved.name });
      continue;
    }
    if (!quiet) out.line(`Collecting ${spec}`);
    out.wait(40 + (resolved.bytes % 97));
    if (!quiet) out.line(`  Downloading ${resolved.wheel} (${pipSize(resolved.bytes)})`);
    const seconds = resolved.bytes / 9_400_000;
    out.wait(Math.max(15, Math.round(seconds * 1000)));
    if (!quiet && resolved.bytes > 40 * 1000) {
      const speed = Math.max(0.8, Math.min(48, resolved.bytes / 1000 / 1000 / Math.max(seconds, 0.02)));
      out.line(`     ${PIP_BAR} ${richDownloaded(resolved.bytes)} ${speed.toFixed(1)} MB/s eta 0:00:00`);
    }
    out.wait(60 + (resolved.bytes % 53));
    collected.push({ pkg: resolved, spec });
    for (const dependency of resolved.requires) queue.push({ spec: dependency, from: resolved.name });
  }
  downloadAt = out.now;
  if (collected.length > 0) {
    // pip installs dependencies before what needs them.
    const order: PythonPackage[] = [];
    const placed = new Set<string>();
    const byKey = new Map(collected.map((entry) => [canonicalPythonName(entry.pkg.name), entry.pkg]));
    const visit = (pkg: PythonPackage): void => {
      const key = canonicalPythonName(pkg.name);
      if (placed.has(key)) return;
      placed.add(key);
      for (const dependency of pkg.requires) {
        const found = byKey.get(canonicalPythonName(requirementName(dependency)));
        if (found) visit(found);
      }
      order.push(pkg);
    };
    for (const entry of collected) visit(entry.pkg);
    if (!quiet) out.line(`Installing collected packages: ${order.map((pkg) => pkg.name).join(', ')}`);
    const installBytes = order.reduce((sum, pkg) => sum + pkg.installed, 0);
    out.wait(300 + Math.round(installBytes / 40_000));
    const sorted = [...order].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (!quiet) out.line(`Successfully installed ${sorted.map((pkg) => `${pkg.name}-${pkg.version}`).join(' ')}`);
    for (const pkg of order) {
      const distInfo = `${installedDir}/${pkg.name.replace(/-/g, '_')}-${pkg.version}.dist-info`;
      writeBuildFile(request.files, `${distInfo}/METADATA`, `Metadata-Version: 2.1\nName: ${pkg.name}\nVersion: ${pkg.version}\n`);
    }
    out.line("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv");
    versionNotice();
    return finish(0, installBytes);
  }
  out.line("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv");
  versionNotice();
  return finish(0);
}

// -----------------------------------------------------------------------------------------------------------
// apt-get (Debian 12 "bookworm", the base of the python, node and nginx images)

interface DebianPackage {
  name: string;
  version: string;
  /** Download bytes. */
  bytes: number;
  installed: number;
  depends: string[];
  /** Program names the package puts on PATH. */
  provides: string[];
}

function deb(name: string, version: string, bytes: number, installed: number, depends: string[] = [], provides: string[] = []): DebianPackage {
  return { name, version, bytes, installed, depends, provides };
}

const DEBIAN_PACKAGES: DebianPackage[] = [
  deb('curl', '7.88.1-10+deb12u12', 315000, 500000, ['libcurl4'], ['curl']),
  deb('libcurl4', '7.88.1-10+deb12u12', 391000, 789000, ['libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh2-1']),
  deb('libnghttp2-14', '1.52.0-1+deb12u2', 72500, 209000),
  deb('libpsl5', '0.21.2-1', 58600, 94000),
  deb('librtmp1', '2.4+20151223.gitfa8646d.1-2+b2', 60800, 141000),
  deb('libssh2-1', '1.10.0-3+b1', 179000, 446000),
  deb('wget', '1.21.3-1+deb12u1', 937000, 3618000, [], ['wget']),
  deb('git', '1:2.39.5-0+deb12u2', 7264000, 36562000, ['git-man', 'liberror-perl', 'perl'], ['git']),
  deb('git-man', '1:2.39.5-0+deb12u2', 2053000, 11793000),
  deb('liberror-perl', '0.17029-2', 29000, 68000),
  deb('perl', '5.36.0-7+deb12u2', 239000, 741000),
  deb('vim', '2:9.0.1378-2+deb12u2', 1568000, 4015000, ['vim-runtime'], ['vim', 'vi']),
  deb('vim-runtime', '2:9.0.1378-2+deb12u2', 7025000, 37034000),
  deb('nano', '7.2-1+deb12u1', 690000, 2842000, [], ['nano']),
  deb('gcc', '4:12.2.0-3', 5216000, 20111000, ['cpp', 'binutils'], ['gcc', 'cc']),
  deb('cpp', '4:12.2.0-3', 6812000, 27021000),
  deb('binutils', '2.40-2', 2650000, 10740000, [], ['ld', 'as']),
  deb('build-essential', '12.9', 7704, 20000, ['gcc', 'g++', 'make', 'libc6-dev', 'dpkg-dev']),
  deb('g++', '4:12.2.0-3', 1356000, 4013000, [], ['g++', 'c++']),
  deb('make', '4.3-4.1', 396000, 1602000, [], ['make']),
  deb('libc6-dev', '2.36-9+deb12u10', 1903000, 12302000),
  deb('dpkg-dev', '1.21.22', 1353000, 3255000),
  deb('libpq-dev', '15.13-0+deb12u1', 146000, 567000, ['libpq5']),
  deb('libpq5', '15.13-0+deb12u1', 191000, 967000),
  deb('netcat-openbsd', '1.219-1', 41100, 109000, [], ['nc', 'netcat']),
  deb('iputils-ping', '3:20221126-1+deb12u1', 47100, 116000, [], ['ping']),
  deb('procps', '2:4.0.2-3', 709000, 2357000, [], ['ps', 'top', 'free']),
  deb('ca-certificates', '20230311+deb12u1', 154000, 401000),
  deb('htop', '3.2.2-2', 153000, 386000, [], ['htop']),
  deb('jq', '1.6-2.1', 135000, 350000, [], ['jq']),
  deb('unzip', '6.0-28', 166000, 439000, [], ['unzip']),
];

const APT_LISTS_MARKER = '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease';
const APT_INSTALLED_DIR = '/var/lib/dpkg/info';

function findDebian(name: string): DebianPackage | undefined {
  return DEBIAN_PACKAGES.find((pkg) => pkg.name === name);
}

/** A package's programs on PATH in the build, for the shell's lookups. */
export function programsFromAptInstalls(tree: FsTree): Set<string> {
  const programs = new Set<string>();
  for (const path of Object.keys(tree)) {
    if (!path.startsWith(`${APT_INSTALLED_DIR}/`) || !path.endsWith('.list')) continue;
    const name = path.slice(APT_INSTALLED_DIR.length + 1, -'.list'.length).replace(/:amd64$/, '');
    for (const program of findDebian(name)?.provides ?? []) programs.add(program);
  }
  return programs;
}

/**
 * apt's SizeToStr, for sizes and rates alike: decimal units, no fraction from 100 up, one below
 * (`756 B`, `6924 B`, `55.4 kB`, `8793 kB`, `12.5 MB`).
 */
function aptSize(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  let unit = 0;
  while (unit < units.length - 1 && !(size < 100 && unit !== 0) && size >= 10_000) {
    size /= 1000;
    unit++;
  }
  return `${size < 100 && unit !== 0 ? size.toFixed(1) : size.toFixed(0)} ${units[unit]}B`;
}

/** Lists package names as apt does: two-space indent, wrapped before 80 columns. */
function wrapPackageList(names: string[]): string[] {
  const lines: string[] = [];
  let line = ' ';
  for (const name of names) {
    if (line.length + 1 + name.length > 79 && line.trim() !== '') {
      lines.push(line);
      line = ' ';
    }
    line += ` ${name}`;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

export interface AptRequest {
  args: string[];
  files: BuildFiles;
}

/** `apt-get update` / `apt-get install -y …` / `apt-get clean` as Debian 12 prints them in a build. */
export function runAptGet(request: AptRequest): ProgramResult {
  const out = new Timeline();
  const finish = (exitCode: number, addedBytes = 0): ProgramResult => ({ exitCode, lines: out.lines, duration: out.now, addedBytes });
  const options = request.args.filter((arg) => arg.startsWith('-'));
  const words = request.args.filter((arg) => !arg.startsWith('-'));
  const [action, ...names] = words;
  const assumeYes = options.some((option) => option === '-y' || option === '--yes' || option === '--assume-yes' || option === '-qy' || option === '-yq');
  if (action === 'update') {
    const lines = [
      ['Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]', 180],
      ['Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]', 40],
      ['Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]', 30],
      ['Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8793 kB]', 110],
      ['Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [756 B]', 520],
      ['Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [267 kB]', 20],
    ] as const;
    for (const [text, delay] of lines) {
      out.wait(delay);
      out.line(text);
    }
    out.wait(410);
    out.line('Fetched 9315 kB in 1s (8377 kB/s)');
    out.wait(380);
    out.line('Reading package lists...');
    writeBuildFile(request.files, APT_LISTS_MARKER, '');
    return finish(0, 19_800_000);
  }
  if (action === 'clean' || action === 'autoremove' || action === 'autoclean') {
    out.wait(120);
    if (action === 'autoremove') {
      out.line('Reading package lists...');
      out.line('Building dependency tree...');
      out.line('Reading state information...');
      out.line('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    }
    return finish(0);
  }
  if (action === 'upgrade' || action === 'dist-upgrade') {
    out.wait(400);
    out.line('Reading package lists...');
    out.line('Building dependency tree...');
    out.line('Reading state information...');
    out.line('Calculating upgrade...');
    out.line('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return finish(0);
  }
  if (action !== 'install') {
    out.wait(50);
    out.line(`E: Invalid operation ${action ?? ''}`);
    return finish(100);
  }
  out.wait(260);
  out.line('Reading package lists...');
  out.wait(180);
  out.line('Building dependency tree...');
  out.wait(40);
  out.line('Reading state information...');
  const listsPresent = request.files.tree[APT_LISTS_MARKER] !== undefined;
  for (const name of names) {
    if (!listsPresent || !findDebian(name)) {
      out.line(`E: Unable to locate package ${name}`);
      return finish(100);
    }
  }
  const installedAlready = (name: string): boolean => request.files.tree[`${APT_INSTALLED_DIR}/${name}.list`] !== undefined;
  const chosen: DebianPackage[] = [];
  const visit = (name: string): void => {
    const pkg = findDebian(name);
    if (!pkg || chosen.includes(pkg) || installedAlready(name)) return;
    for (const dependency of pkg.depends) visit(dependency);
    chosen.push(pkg);
  };
  for (const name of names) visit(name);
  if (chosen.length === 0) {
    for (const name of names) out.line(`${name} is already the newest version (${findDebian(name)?.version}).`);
    out.line('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.');
    return finish(0);
  }
  const requested = new Set(names);
  const additional = chosen.filter((pkg) => !requested.has(pkg.name)).map((pkg) => pkg.name);
  if (additional.length > 0) {
    out.line('The following additional packages will be installed:');
    for (const line of wrapPackageList(additional)) out.line(line);
  }
  out.line('The following NEW packages will be installed:');
  for (const line of wrapPackageList(chosen.map((pkg) => pkg.name).sort())) out.line(line);
  const download = chosen.reduce((sum, pkg) => sum + pkg.bytes, 0);
  const installed = chosen.reduce((sum, pkg) => sum + pkg.installed, 0);
  out.line(`0 upgraded, ${chosen.length} newly installed, 0 to remove and 0 not upgraded.`);
  out.line(`Need to get ${aptSize(download)} of archives.`);
  out.line(`After this operation, ${aptSize(installed)} of additional disk space will be used.`);
  if (!assumeYes) {
    out.line('Do you want to continue? [Y/n] Abort.');
    return finish(1);
  }
  chosen.forEach((pkg, index) => {
    out.wait(30 + Math.round(pkg.bytes / 20_000));
    out.line(`Get:${index + 1} http://deb.debian.org/debian bookworm/main amd64 ${pkg.name} amd64 ${pkg.version} [${aptSize(pkg.bytes)}]`);
  });
  out.line('debconf: delaying package configuration, since apt-utils is not installed');
  const seconds = Math.max(1, Math.round(download / 20_000_000));
  // The rate goes through apt's SizeToStr like the sizes do: `1725 kB/s`, `12.5 MB/s`.
  out.line(`Fetched ${aptSize(download)} in ${download < 10_000_000 ? 0 : seconds}s (${aptSize(Math.round(download / Math.max(seconds, 0.4)))}/s)`);
  // One dpkg run unpacks them all: it reads its database once; archives are numbered only when there are several.
  chosen.forEach((pkg, index) => {
    const archive = `${pkg.name}_${pkg.version.replace(':', '%3a')}_amd64.deb`;
    const file = chosen.length > 1 ? `${String(index).padStart(2, '0')}-${archive}` : archive;
    out.wait(20);
    out.line(`Selecting previously unselected package ${pkg.name}.`);
    if (index === 0) out.line('(Reading database ... 6686 files and directories currently installed.)');
    out.line(`Preparing to unpack .../${file} ...`);
    out.wait(10 + Math.round(pkg.installed / 400_000));
    out.line(`Unpacking ${pkg.name} (${pkg.version}) ...`);
  });
  for (const pkg of chosen) {
    out.wait(15);
    out.line(`Setting up ${pkg.name} (${pkg.version}) ...`);
    writeBuildFile(request.files, `${APT_INSTALLED_DIR}/${pkg.name}.list`, pkg.provides.map((program) => `/usr/bin/${program}`).join('\n'));
    for (const program of pkg.provides) writeBuildFile(request.files, `/usr/bin/${program}`, '', 0o755);
  }
  out.wait(40);
  out.line('Processing triggers for libc-bin (2.36-9+deb12u10) ...');
  return finish(0, installed);
}

// -----------------------------------------------------------------------------------------------------------
// npm (node images ship npm 10.8.2)

interface NodePackage {
  name: string;
  /** Packages the install adds, itself included. */
  count: number;
  funding: number;
  bytes: number;
}

const NODE_PACKAGES: NodePackage[] = [
  { name: 'express', count: 64, funding: 12, bytes: 4_300_000 },
  { name: 'nodemon', count: 27, funding: 3, bytes: 3_100_000 },
  { name: 'react', count: 2, funding: 0, bytes: 320_000 },
  { name: 'react-dom', count: 3, funding: 0, bytes: 4_500_000 },
  { name: 'axios', count: 9, funding: 1, bytes: 2_200_000 },
  { name: 'lodash', count: 1, funding: 0, bytes: 1_400_000 },
  { name: 'pg', count: 14, funding: 0, bytes: 900_000 },
  { name: 'redis', count: 7, funding: 0, bytes: 1_200_000 },
  { name: 'dotenv', count: 1, funding: 1, bytes: 80_000 },
  { name: 'cors', count: 3, funding: 0, bytes: 60_000 },
  { name: 'typescript', count: 1, funding: 0, bytes: 23_000_000 },
];

const NPM_VERSION = '10.8.2';
const NPM_LATEST = '11.4.2';

export interface NpmRequest {
  args: string[];
  workdir: string;
  files: BuildFiles;
  readFile(path: string): string | undefined;
  /** Epoch ms the log file name uses. */
  clock: number;
}

function npmLogName(clock: number): string {
  return `/root/.npm/_logs/${new Date(clock).toISOString().replace(/:/g, '_').replace('.', '_')}-debug-0.log`;
}

/** `npm install` / `npm ci` / `npm run …` as npm 10 prints them in a build. */
export function runNpm(request: NpmRequest): ProgramResult {
  const out = new Timeline();
  const finish = (exitCode: number, addedBytes = 0): ProgramResult => ({ exitCode, lines: out.lines, duration: out.now, addedBytes });
  const [command, ...rest] = request.args;
  const dir = request.workdir === '/' ? '' : request.workdir;
  const manifestText = request.readFile(`${dir}/package.json`);
  const notice = (): void => {
    out.line('npm notice');
    out.line(`npm notice New major version of npm available! ${NPM_VERSION} -> ${NPM_LATEST}`);
    out.line(`npm notice Changelog: https://github.com/npm/cli/releases/tag/v${NPM_LATEST}`);
    out.line(`npm notice To update run: npm install -g npm@${NPM_LATEST}`);
    out.line('npm notice');
  };
  if (command === '-v' || command === '--version') {
    out.wait(180);
    out.line(NPM_VERSION);
    return finish(0);
  }
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; scripts?: Record<string, string>; name?: string; version?: string } = {};
  if (manifestText !== undefined) {
    try {
      manifest = JSON.parse(manifestText);
    } catch {
      manifest = {};
    }
  }
  if (command === 'run' || command === 'run-script' || command === 'start' || command === 'test') {
    const script = command === 'run' || command === 'run-script' ? rest[0] : command;
    out.wait(300);
    const body = manifest.scripts?.[script ?? ''];
    if (body === undefined) {
      out.line(`npm error Missing script: "${script}"`);
      out.line('npm error');
      out.line('npm error To see a list of scripts, run:');
      out.line('npm error   npm run');
      out.line(`npm error A complete log of this run can be found in: ${npmLogName(request.clock)}`);
      return finish(1);
    }
    out.line('');
    out.line(`> ${manifest.name ?? 'app'}@${manifest.version ?? '1.0.0'} ${script}`);
    out.line(`> ${body}`);
    out.line('');
    out.wait(1800);
    writeBuildFile(request.files, `${dir}/dist/index.js`, '');
    return finish(0, 250_000);
  }
  if (command !== 'install' && command !== 'i' && command !== 'ci') {
    out.wait(200);
    out.line(`Unknown command: "${command ?? ''}"`);
    out.line('');
    out.line('To see a list of supported npm commands, run:');
    out.line('  npm help');
    return finish(1);
  }
  const packages = rest.filter((arg) => !arg.startsWith('-'));
  const production = rest.includes('--production') || rest.includes('--omit=dev') || rest.includes('--only=production');
  if (command === 'ci' && request.readFile(`${dir}/package-lock.json`) === undefined) {
    out.wait(400);
    out.line('npm error code EUSAGE');
    out.line('npm error');
    out.line('npm error The `npm ci` command can only install with an existing package-lock.json or');
    out.line('npm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or');
    out.line('npm error later to generate a package-lock.json file, then try again.');
    out.line('npm error');
    out.line('npm error Clean install a project');
    out.line('npm error');
    out.line('npm error Usage:');
    out.line('npm error npm ci');
    out.line('npm error');
    out.line('npm error Run "npm help ci" for more info');
    out.line(`npm error A complete log of this run can be found in: ${npmLogName(request.clock)}`);
    return finish(1);
  }
  const names = packages.length > 0 ? packages : [...Object.keys(manifest.dependencies ?? {}), ...(production ? [] : Object.keys(manifest.devDependencies ?? {}))];
  let count = 0;
  let funding = 0;
  let bytes = 0;
  for (const name of names) {
    const bare = name.replace(/(.)@.*$/, '$1');
    const known = NODE_PACKAGES.find((pkg) => pkg.name === bare) ?? { name: bare, count: 1, funding: 0, bytes: 150_000 };
    count += known.count;
    funding += known.funding;
    bytes += known.bytes;
    writeBuildFile(request.files, `${dir}/node_modules/${bare}/package.json`, JSON.stringify({ name: bare }));
  }
  const seconds = Math.max(1, Math.round(0.8 + count / 30));
  out.wait(seconds * 1000 - 200);
  out.line('');
  if (count === 0) out.line(`up to date, audited 1 package in ${seconds * 100 + 57}ms`);
  else out.line(`added ${count} package${count === 1 ? '' : 's'}, and audited ${count + 1} packages in ${seconds}s`);
  if (funding > 0) {
    out.line('');
    out.line(`${funding} package${funding === 1 ? ' is' : 's are'} looking for funding`);
    out.line('  run `npm fund` for details');
  }
  out.line('');
  out.line('found 0 vulnerabilities');
  notice();
  if (manifestText !== undefined && command !== 'ci') writeBuildFile(request.files, `${dir}/package-lock.json`, '{}');
  return finish(0, bytes);
}
