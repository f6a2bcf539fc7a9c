// Compose's warnings as logrus prints them on stderr: `WARN[0000] …` on a terminal, key=value lines when piped.

/** logrus's TextFormatter pads the message of a coloured line to 44 columns and adds a space. */
const COLOURED_MESSAGE_WIDTH = 44;
const YELLOW = 33;

/** Characters logrus leaves unquoted in a key=value value (its `needsQuoting`). */
const UNQUOTED = /^[A-Za-z0-9\-._/@^+]*$/;

function goQuote(text: string): string {
  let quoted = '"';
  for (const char of text) {
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (char === '\n') quoted += '\\n';
    else if (char === '\t') quoted += '\\t';
    else quoted += char;
  }
  return `${quoted}"`;
}

/** RFC 3339 in UTC, as Go's `time.RFC3339` prints a UTC time (`2025-06-01T12:00:00Z`). */
function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One logrus warning line. Compose's process has just started, so the seconds counter in a
 * coloured line is always `0000`.
 */
export function warningLine(message: string, options: { tty: boolean; clock: number }): string {
  if (options.tty) return `\x1b[${YELLOW}mWARN\x1b[0m[0000] ${message.padEnd(COLOURED_MESSAGE_WIDTH)} \n`;
  const value = UNQUOTED.test(message) && message !== '' ? message : goQuote(message);
  return `time="${rfc3339(options.clock)}" level=warning msg=${value}\n`;
}
