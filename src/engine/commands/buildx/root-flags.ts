// The persistent options of buildx's root (`--builder`, `-D`), which every buildx command parses and lists in its help.

import type { FlagDef } from '../../cli/command.ts';

/** commands/root.go rootFlags: `--builder` defaults to $BUILDX_BUILDER, which docker sets to "default" when it forwards `docker build`. */
export const BUILDX_ROOT_FLAGS: FlagDef[] = [
  { name: 'builder', kind: 'string', type: 'string', usage: 'Override the configured builder instance', envDefault: 'BUILDX_BUILDER' },
  { name: 'debug', shorthand: 'D', kind: 'bool', type: '', usage: 'Enable debug logging' },
];

/** A buildx subcommand's own flags plus the root's persistent ones (cobra merges them into its flag set). */
export function buildxFlags(flags: FlagDef[]): FlagDef[] {
  return [...flags, ...BUILDX_ROOT_FLAGS];
}
