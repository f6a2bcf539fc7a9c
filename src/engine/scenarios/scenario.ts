// What a start scenario is: files in the learner's home and where the shell starts, laid onto a fresh machine.

import { TreeFileSystem, normalizePath } from '../shell/vfs.ts';
import type { MachineState } from '../state/machine-state.ts';

export interface Scenario {
  /** The name lessons give in their frontmatter (`scenario: flask-postgres`). */
  name: string;
  /** One line for authors: what the learner finds on the machine. */
  summary: string;
  /** Files by path relative to the learner's home (`networkproject/app.py`); folders are made as needed. */
  files: Record<string, string>;
  /** Empty folders to make, relative to the home. */
  folders?: string[];
  /** Where the shell starts, relative to the home; the home itself when absent. */
  cwd?: string;
}

/** Writes a scenario's files into a machine that has not started a shell yet. */
export function layScenario(state: MachineState, scenario: Scenario): void {
  const home = state.host.home;
  const fs = new TreeFileSystem(state.host.fs, () => state.clock);
  const inHome = (relative: string) => normalizePath(`${home}/${relative}`);
  for (const folder of scenario.folders ?? []) fs.mkdir(inHome(folder), { parents: true });
  for (const [relative, content] of Object.entries(scenario.files)) {
    const path = inHome(relative);
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, content);
  }
  if (scenario.cwd !== undefined) {
    const cwd = inHome(scenario.cwd);
    state.host.cwd = cwd;
    state.host.env.PWD = cwd;
  }
}
