// Shared set-up for the compose tests: a virtual file system with a learner's project in it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TreeFileSystem } from '../../src/engine/shell/vfs.ts';
import { loadProject, type LoadOptions, type LoadResult } from '../../src/engine/compose/load.ts';

export const HOME = '/home/learner';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

/** A file system holding `files` (absolute path → content); parent directories are created. */
export function fileSystem(files: Record<string, string>): TreeFileSystem {
  const fs = new TreeFileSystem({}, () => 0);
  for (const [path, content] of Object.entries(files)) {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    fs.mkdir(parent, { parents: true });
    fs.writeFile(path, content);
  }
  return fs;
}

export function load(files: Record<string, string>, options: Partial<LoadOptions> & { cwd: string }): LoadResult {
  return loadProject({ fs: fileSystem(files), home: HOME, env: {}, ...options });
}

/** The course's project: the annotated compose file in `docker/`, the Flask app one level up. */
export function courseFiles(): Record<string, string> {
  return {
    [`${HOME}/project/docker/docker-compose.yml`]: fixture('course/docker/docker-compose.yml'),
    [`${HOME}/project/docker/Dockerfile`]: 'FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
    [`${HOME}/project/app.py`]: 'print("hello")\n',
    [`${HOME}/project/requirements.txt`]: 'flask\npsycopg2-binary\n',
  };
}
