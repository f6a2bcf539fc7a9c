// Tables as docker/cli prints them.
// Sources: docker/cli cli/command/formatter/formatter.go (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`),
// docker/cli cli/command/formatter/tabwriter/tabwriter.go (its fork of Go's text/tabwriter, widths by
// go-runewidth), and the empty `docker ps` header from docs/reference/commandline/container_ls.md.

import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, tabwrite } from '../../src/engine/format/table.ts';

describe('renderTable', () => {
  it('prints the empty docker ps header exactly', () => {
    const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
    expect(renderTable([header])).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });

  it('pads every column but the last to max(10, widest cell + 3)', () => {
    const text = renderTable([
      ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
      ['hello-world', 'latest', '74cc54e27dc4', '2 months ago', '10.1kB'],
      ['nginx', '1.27-alpine', '4ff102c5d78d', '3 weeks ago', '47.9MB'],
    ]);
    expect(text).toBe(
      'REPOSITORY    TAG           IMAGE ID       CREATED        SIZE\n' +
        'hello-world   latest        74cc54e27dc4   2 months ago   10.1kB\n' +
        'nginx         1.27-alpine   4ff102c5d78d   3 weeks ago    47.9MB\n',
    );
  });

  it('leaves no trailing spaces after the last column', () => {
    const text = renderTable([
      ['NAME', 'DRIVER'],
      ['a-much-longer-volume-name', 'local'],
    ]);
    for (const line of text.split('\n')) expect(line).not.toMatch(/ $/);
  });

  it('keeps the padding of an empty cell in a middle column', () => {
    expect(renderTable([['A', 'PORTS', 'NAMES'], ['x', '', 'web']])).toBe(
      'A         PORTS     NAMES\n' + 'x                   web\n',
    );
  });

  it('ends the line with padding when the last cell is empty', () => {
    expect(renderTable([['NAME', 'DESC'], ['x', '']])).toBe('NAME      DESC\nx         \n');
  });
});

describe('tabwrite', () => {
  it('aligns only contiguous lines that have the column', () => {
    // From Go's tabwriter documentation: b and c are in distinct columns.
    const text = tabwrite('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n', { minWidth: 0, padding: 1 });
    expect(text).toBe('aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n');
  });

  it('treats a line without tabs as the end of every column', () => {
    const text = tabwrite('a\tb\nplain line\nlonger-cell\tc\n');
    expect(text).toBe('a         b\nplain line\nlonger-cell   c\n');
  });

  it('prints text after the last line break as it is', () => {
    expect(tabwrite('a\tb\nc')).toBe('a         b\nc');
  });

  it('measures wide characters by their terminal columns', () => {
    expect(displayWidth('도커')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(renderTable([['이름', 'X'], ['abc', 'y']])).toBe('이름      X\nabc       y\n');
  });
});
