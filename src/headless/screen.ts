// What a terminal would show for some output: feeds it to a headless xterm and reads the screen back.

import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

/** Rows kept while rendering; output taller than this keeps its last rows, as a real scrollback would. */
const SCROLLBACK = 5000;

/**
 * Renders `text` (as a program wrote it, `\n` line ends) on a fresh terminal `columns` wide and
 * returns the visible text: cursor movements and line clears applied, trailing blanks trimmed.
 */
export function renderScreen(text: string, columns: number): Promise<string> {
  const terminal = new Terminal({ cols: columns, rows: 24, scrollback: SCROLLBACK, allowProposedApi: true, convertEol: true });
  return new Promise((resolve) => {
    // On a real terminal the command's output starts below the prompt line it was typed on, and
    // redraws (BuildKit's cursor-up, then down) may touch that line. A stand-in row plays it, then goes.
    terminal.write(`\n${text}`, () => {
      const buffer = terminal.buffer.active;
      const lines: string[] = [];
      for (let row = 1; row < buffer.length; row++) {
        const line = buffer.getLine(row);
        if (!line) continue;
        // A wrapped row continues the previous line on screen; keep rows as the eye sees them.
        lines.push(line.translateToString(true));
      }
      while (lines.length > 0 && lines.at(-1) === '') lines.pop();
      terminal.dispose();
      resolve(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    });
  });
}
