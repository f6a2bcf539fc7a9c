// Loads the recorded docker client fixtures and replays one through the simulator's CLI front end.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runDocker } from '../../src/engine/cli/dispatch.ts';
import { LINUX_DAEMON } from '../../src/engine/cli/help.ts';
import { classicDockerRoot, dockerRoot } from '../../src/engine/commands/docker.ts';
import { Output, type CommandContext } from '../../src/engine/exec/context.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import { headerSetting, parseTranscript, type TranscriptEntry } from '../support/transcript.ts';
import { splitWords } from '../support/words.ts';

export { splitWords };

const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'docker-cli');

export interface Fixture extends TranscriptEntry {
  file: string;
  home: string;
  /** Recorded with a (ping-only) Linux daemon reachable. */
  withDaemon: boolean;
  /** Columns of the terminal on stdin and stdout; absent when neither was a terminal. */
  tty?: number;
  /** Recorded with the buildx and compose plugins installed (stand-ins answering only their metadata). */
  plugins: boolean;
}

export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const file of readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.txt')).sort()) {
    const transcript = parseTranscript(readFileSync(join(FIXTURE_DIR, file), 'utf8'));
    const home = headerSetting(transcript, 'home') ?? '/root';
    const withDaemon = headerSetting(transcript, 'daemon') === 'linux';
    const tty = headerSetting(transcript, 'tty');
    const plugins = headerSetting(transcript, 'plugins') !== undefined;
    for (const entry of transcript.entries) fixtures.push({ ...entry, file, home, withDaemon, plugins, tty: tty === undefined ? undefined : Number(tty) });
  }
  return fixtures;
}


export interface Replay {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs a fixture's command as the recording did: stdin an empty pipe (or the terminal), output likewise. */
export function replay(fixture: Fixture): Replay {
  const state = createInitialState();
  const out = new Output(state);
  const terminal = fixture.tty !== undefined;
  const ctx: CommandContext = {
    state,
    out,
    stdin: terminal ? undefined : '',
    tty: terminal,
    columns: fixture.tty ?? 80,
    env: { HOME: fixture.home, PATH: '/usr/bin:/bin' },
    cwd: '/tmp',
  };
  const argv = splitWords(fixture.command).slice(1);
  const exitCode = runDocker(ctx, argv, fixture.plugins ? dockerRoot : classicDockerRoot, { daemon: fixture.withDaemon ? LINUX_DAEMON : null });
  return { stdout: out.text('stdout'), stderr: out.text('stderr'), exitCode };
}

/** Help pages: what `--help`, `docker help …` and a bare management command print. */
export function isHelpFixture(fixture: Fixture): boolean {
  const text = `${fixture.stdout}${fixture.stderr}`;
  return fixture.exitCode === 0 && /(^|\n)Usage: {2}docker/.test(text);
}

/**
 * What the CLI layer itself answers: help, version, flag and argument errors, unknown commands and
 * topics, global option checks. The rest comes from a command's own checks once it runs.
 */
export function isCliLayerFixture(fixture: Fixture): boolean {
  if (isHelpFixture(fixture)) return true;
  const text = fixture.stderr.replace(/^DEPRECATED: The legacy builder[\s\S]*?\n\n/, '');
  if (/^Docker version /.test(fixture.stdout)) return true;
  if (fixture.exitCode === 125 && /\n\nUsage: {2}docker[^\n]*(\n\t[^\n]*)*\n\nRun '[^']+ --help' for more information\n$/.test(text)) return true;
  if (/^docker: '[^']+' (accepts no arguments|requires )/.test(text)) return true;
  if (/^docker: unknown command: /.test(text) || /^unknown help topic: /.test(text)) return true;
  if (/^(Unable to parse logging level|conflicting options): /.test(text)) return true;
  if (/is only supported on a Docker daemon/.test(`${fixture.stdout}${text}`)) return true;
  return false;
}
