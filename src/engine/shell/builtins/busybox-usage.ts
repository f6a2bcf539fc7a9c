// BusyBox's usage texts (as 1.35 prints them; the images' 1.37 names itself in the banner) and its option errors.

import { parseOptions, type OptionSpec, type ParsedOptions } from './common.ts';
import type { BuiltinContext } from './registry.ts';

/** The first line of every BusyBox usage text in the images (Alpine's and BusyBox's 1.37.0 build). */
export const BUSYBOX_BANNER = 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.';

/** What follows the banner in `APPLET --help` and in a usage error. */
const USAGE: Record<string, string> = {
  cat: "\nUsage: cat [-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n\t-b\tNumber nonempty lines\n\t-v\tShow nonprinting characters as ^x or M-x\n\t-t\t...and tabs as ^I\n\t-e\t...and end lines with $\n\t-A\tSame as -vte\n",
  cp: "\nUsage: cp [-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n\n\t-a\tSame as -dpR\n\t-R,-r\tRecurse\n\t-d,-P\tPreserve symlinks (default if -R)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-p\tPreserve file attributes if possible\n\t-f\tOverwrite\n\t-i\tPrompt before overwrite\n\t-n\tDon't overwrite\n\t-l,-s\tCreate (sym)links\n\t-T\tRefuse to copy if DEST is a directory\n\t-t DIR\tCopy all SOURCEs into DIR\n\t-u\tCopy only newer files\n",
  ls: "\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n\n\t-1\tOne column output\n\t-a\tInclude names starting with .\n\t-A\tLike -a, but exclude . and ..\n\t-x\tList by lines\n\t-d\tList directory names, not contents\n\t-L\tFollow symlinks\n\t-H\tFollow symlinks on command line\n\t-R\tRecurse\n\t-p\tAppend / to directory names\n\t-F\tAppend indicator (one of */=@|) to names\n\t-l\tLong format\n\t-i\tList inode numbers\n\t-n\tList numeric UIDs and GIDs instead of names\n\t-s\tList allocated blocks\n\t-lc\tList ctime\n\t-lu\tList atime\n\t--full-time\tList full date/time\n\t-h\tHuman readable sizes (1K 243M 2G)\n\t--group-directories-first\n\t-S\tSort by size\n\t-X\tSort by extension\n\t-v\tSort by version\n\t-t\tSort by mtime\n\t-tc\tSort by ctime\n\t-tu\tSort by atime\n\t-r\tReverse sort order\n\t-w N\tFormat N columns wide\n\t--color[={always,never,auto}]\n",
  mkdir: "\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed\n",
  mv: "\nUsage: mv [-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nRename SOURCE to DEST, or move SOURCEs to DIRECTORY\n\n\t-f\tDon't prompt before overwriting\n\t-i\tInteractive, prompt before overwrite\n\t-n\tDon't overwrite an existing file\n\t-T\tRefuse to move if DEST is a directory\n\t-t DIR\tMove all SOURCEs into DIR\n",
  rm: "\nUsage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse\n",
  rmdir: "\nUsage: rmdir [-p] DIRECTORY...\n\nRemove DIRECTORY if it is empty\n\n\t-p\tInclude parents\n\t--ignore-fail-on-non-empty\n",
  touch: "\nUsage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon't create files\n\t-h\tDon't follow links\n\t-a\tChange only atime\n\t-m\tChange only mtime\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE's date/time\n",
};

/** Writes an applet's usage to stderr, as a usage error or `--help` does; returns the status (1, or 0 for --help). */
export function busyboxUsage(ctx: BuiltinContext, applet: string, status = 1): number {
  ctx.out.stderr(`${BUSYBOX_BANNER}\n${USAGE[applet] ?? '\n'}`);
  return status;
}

/**
 * Parses an applet's options as BusyBox's getopt32 does (GNU getopt: options may follow operands, `--`
 * ends them). A bad option is reported with the usage; `--help` shows the usage and succeeds.
 */
export function busyboxOptions(ctx: BuiltinContext, applet: string, argv: string[], spec: OptionSpec): ParsedOptions | { status: number } {
  const parsed = parseOptions(argv, { ...spec, long: { ...spec.long, help: 'help' } });
  if ('error' in parsed) {
    ctx.out.stderr(`${applet}: ${parsed.error}\n`);
    return { status: busyboxUsage(ctx, applet) };
  }
  if (parsed.flags.has('help')) return { status: busyboxUsage(ctx, applet, 0) };
  return parsed;
}
