// What every `docker compose` subcommand shares: the root's persistent `--dry-run` option.

import type { FlagDef } from '../../cli/command.ts';

/** compose.go: `c.PersistentFlags().BoolVar(&dryRun, "dry-run", …)`; cobra merges it into each subcommand's flags and help. */
export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', kind: 'bool', type: '', usage: 'Execute command in dry run mode' };

/** A subcommand's own flags plus the inherited `--dry-run`. */
export function composeFlags(flags: FlagDef[]): FlagDef[] {
  return [...flags, DRY_RUN_FLAG];
}
