// Attached logs as Compose prints them: `web-1  | line`, names padded to the longest, one colour per container.
// docker/compose cmd/formatter/logs.go (`%-{width}s |` (note the space), width = longest name + 1) and colors.go (the rainbow).

const ESC = '\x1b[';
/** goterm.RESET_LINE: status lines first clear whatever partial line is on screen. */
const RESET_LINE = '\r\x1b[K';

/** colors.go's rainbow: cyan, yellow, green, magenta, blue, then their intense variants. */
const RAINBOW = ['36', '33', '32', '35', '34', '36;1', '33;1', '32;1', '35;1', '34;1'];

function paint(code: string, text: string): string {
  return `${ESC}${code}m${text}${ESC}0m`;
}

/** Compose names containers in logs without the project: `docker-web-1` → `web-1`. */
export function canonicalName(containerName: string, project: string): string {
  return containerName.startsWith(`${project}-`) ? containerName.slice(project.length + 1) : containerName;
}

export class LogPrinter {
  private readonly names: string[] = [];
  private readonly colours = new Map<string, string>();
  private readonly colour: boolean;
  private next = 0;

  constructor(options: { colour: boolean }) {
    this.colour = options.colour;
  }

  /** Registers a container; every prefix re-pads when a longer name arrives, as compose recomputes the width. */
  register(name: string): void {
    if (this.names.includes(name)) return;
    this.names.push(name);
    this.colours.set(name, RAINBOW[this.next++ % RAINBOW.length]);
  }

  private width(): number {
    return Math.max(0, ...this.names.map((name) => name.length)) + 1;
  }

  private painted(name: string, text: string): string {
    return this.colour ? paint(this.colours.get(name)!, text) : text;
  }

  prefix(name: string): string {
    this.register(name);
    return this.painted(name, `${name.padEnd(this.width())} |`);
  }

  /** One log line (without its newline) from a container. */
  line(name: string, text: string): string {
    return `${this.prefix(name)} ${text}\n`;
  }

  /** `web-1 exited with code 1`, in the container's colour. */
  status(name: string, message: string): string {
    this.register(name);
    return this.painted(name, `${RESET_LINE}${name} ${message}\n`);
  }
}

/** `Attaching to db-1, web-1`. */
export function attachingLine(names: string[]): string {
  return `Attaching to ${names.join(', ')}\n`;
}

export const GRACEFULLY_STOPPING = 'Gracefully stopping... (press Ctrl+C again to force)\n';
