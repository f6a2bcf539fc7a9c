// Test helper: what a terminal of a given size shows after some output, read back from a headless xterm.

import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

/** Renders `text` after a prompt line on a `columns` × `rows` terminal; returns every row as the eye sees it (no trailing blanks). */
export function screenAfter(text: string, columns: number, rows: number): Promise<string> {
  const terminal = new Terminal({ cols: columns, rows, scrollback: 1000, allowProposedApi: true, convertEol: true });
  return new Promise((resolve) => {
    terminal.write(`$ docker build .\n${text}`, () => {
      const buffer = terminal.buffer.active;
      const lines: string[] = [];
      for (let row = 0; row < buffer.length; row++) lines.push((buffer.getLine(row)?.translateToString(true) ?? '').trimEnd());
      while (lines.length > 0 && lines.at(-1) === '') lines.pop();
      terminal.dispose();
      resolve(`${lines.join('\n')}\n`);
    });
  });
}
