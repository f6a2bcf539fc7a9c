// The FsTree-backed file system: paths, errors as values, directories, symlinks, copy and move.

import { describe, expect, it } from 'vitest';
import type { FsTree } from '../../src/engine/state/machine-state.ts';
import { baseName, isFsError, normalizePath, parentPath, resolvePath, TreeFileSystem } from '../../src/engine/shell/vfs.ts';

function makeFs(): { fs: TreeFileSystem; tree: FsTree; clock: { now: number } } {
  const tree: FsTree = {};
  const clock = { now: 1000 };
  const fs = new TreeFileSystem(tree, () => clock.now);
  fs.mkdir('/home/learner', { parents: true });
  return { fs, tree, clock };
}

describe('paths', () => {
  it('normalises and resolves against a cwd and home', () => {
    expect(normalizePath('/a//b/./c/../d/')).toBe('/a/b/d');
    expect(normalizePath('/../..')).toBe('/');
    expect(resolvePath('/home/learner', 'app/../x')).toBe('/home/learner/x');
    expect(resolvePath('/tmp', '~/x', '/home/learner')).toBe('/home/learner/x');
    expect(resolvePath('/tmp', '/etc')).toBe('/etc');
    expect(parentPath('/a/b')).toBe('/a');
    expect(parentPath('/a')).toBe('/');
    expect(baseName('/a/b/')).toBe('b');
  });
});

describe('TreeFileSystem', () => {
  it('writes, appends and reads files with times from the clock', () => {
    const { fs, tree, clock } = makeFs();
    expect(fs.writeFile('/home/learner/f', 'a')).toBeUndefined();
    clock.now = 2000;
    fs.appendFile('/home/learner/f', 'b');
    expect(fs.readFile('/home/learner/f')).toBe('ab');
    expect(tree['/home/learner/f']).toEqual({ type: 'file', content: 'ab', mode: 0o644, mtime: 2000 });
  });

  it('answers errors as values', () => {
    const { fs } = makeFs();
    expect(fs.readFile('/nope')).toEqual({ errno: 'ENOENT', path: '/nope' });
    expect(fs.writeFile('/nope/f', '')).toMatchObject({ errno: 'ENOENT' });
    expect(fs.readFile('/home')).toMatchObject({ errno: 'EISDIR' });
    fs.writeFile('/home/learner/f', '');
    expect(fs.writeFile('/home/learner/f/g', '')).toMatchObject({ errno: 'ENOTDIR' });
    expect(fs.mkdir('/home')).toMatchObject({ errno: 'EEXIST' });
    expect(fs.remove('/home')).toMatchObject({ errno: 'ENOTEMPTY' });
  });

  it('lists a directory in code-point order and sees later changes', () => {
    const { fs } = makeFs();
    for (const name of ['b', 'a', 'Z']) fs.writeFile(`/home/learner/${name}`, '');
    expect(fs.readdir('/home/learner')).toEqual(['Z', 'a', 'b']);
    fs.remove('/home/learner/a');
    fs.mkdir('/home/learner/d');
    expect(fs.readdir('/home/learner')).toEqual(['Z', 'b', 'd']);
  });

  it('creates parents with mkdir -p and removes trees recursively', () => {
    const { fs, tree } = makeFs();
    expect(fs.mkdir('/home/learner/a/b/c', { parents: true })).toBeUndefined();
    fs.writeFile('/home/learner/a/b/c/f', 'x');
    expect(fs.remove('/home/learner/a', { recursive: true })).toBeUndefined();
    expect(Object.keys(tree).filter((path) => path.startsWith('/home/learner/a'))).toEqual([]);
  });

  it('copies and moves directory trees', () => {
    const { fs } = makeFs();
    fs.mkdir('/home/learner/src/sub', { parents: true });
    fs.writeFile('/home/learner/src/sub/f', 'data');
    expect(fs.copy('/home/learner/src', '/home/learner/copy', { recursive: true })).toBeUndefined();
    expect(fs.readFile('/home/learner/copy/sub/f')).toBe('data');
    expect(fs.copy('/home/learner/src', '/home/learner/x')).toMatchObject({ errno: 'EISDIR' });
    expect(fs.copy('/home/learner/src', '/home/learner/src/sub/x', { recursive: true })).toMatchObject({ errno: 'EINVAL' });
    expect(fs.move('/home/learner/copy', '/home/learner/moved')).toBeUndefined();
    expect(fs.readFile('/home/learner/moved/sub/f')).toBe('data');
    expect(isFsError(fs.stat('/home/learner/copy'))).toBe(true);
    expect(fs.readdir('/home/learner/moved')).toEqual(['sub']);
  });

  it('follows symlinks in stat and reads, not in lstat', () => {
    const { fs } = makeFs();
    fs.writeFile('/home/learner/target', 'hello');
    fs.symlink('target', '/home/learner/link');
    fs.mkdir('/home/learner/dir');
    fs.symlink('/home/learner/dir', '/home/learner/dirlink');
    expect(fs.readFile('/home/learner/link')).toBe('hello');
    expect(fs.lstat('/home/learner/link')).toMatchObject({ type: 'symlink', size: 6 });
    expect(fs.stat('/home/learner/link')).toMatchObject({ type: 'file', size: 5 });
    fs.writeFile('/home/learner/dirlink/inside', 'x');
    expect(fs.readFile('/home/learner/dir/inside')).toBe('x');
    fs.symlink('loop', '/home/learner/loop');
    expect(fs.stat('/home/learner/loop')).toMatchObject({ errno: 'ELOOP' });
  });

  it('counts sizes in UTF-8 bytes', () => {
    const { fs } = makeFs();
    fs.writeFile('/home/learner/u', 'é€😀');
    expect(fs.stat('/home/learner/u')).toMatchObject({ size: 9 });
  });
});
