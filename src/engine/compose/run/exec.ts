// `docker compose exec`: run a command in a service's running container, as `docker exec` does.

import type { FlagValue, Invocation } from '../../cli/command.ts';
import { execCommand } from '../../commands/container/exec.ts';
import { isRunning, lookupContainer } from '../../daemon/containers.ts';
import type { CommandContext } from '../../exec/context.ts';
import { containerName } from '../labels.ts';
import { findService } from '../model.ts';
import { composeFailure, flagList, flagNumber, flagSet, flagString, loadFor } from './common.ts';

export function runComposeExec(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation);
  if (!loaded.ok) return loaded.exitCode;
  const { project } = loaded;
  const [serviceName, ...command] = invocation.args;
  const service = findService(project, serviceName);
  if (!service) return composeFailure(ctx, `no such service: ${serviceName}`);
  const index = flagNumber(invocation, 'index') ?? 1;
  const found = lookupContainer(ctx.state, containerName(project, service, index));
  if (!found.ok || !isRunning(found.container)) return composeFailure(ctx, `service ${JSON.stringify(serviceName)} is not running`);
  if (!execCommand.run) return composeFailure(ctx, "'docker compose exec' needs 'docker exec', which this simulator does not run yet");
  // Compose allocates a TTY when its output is a terminal, unless -T says otherwise; stdin stays open.
  const tty = ctx.tty && !flagSet(invocation, 'no-TTY') && !flagSet(invocation, 'no-tty');
  const flags: Record<string, FlagValue> = { interactive: !flagSet(invocation, 'detach'), tty, detach: flagSet(invocation, 'detach'), env: flagList(invocation, 'env') };
  const user = flagString(invocation, 'user');
  const workdir = flagString(invocation, 'workdir');
  if (user) flags.user = user;
  if (workdir) flags.workdir = workdir;
  const given = new Set(Object.keys(flags).filter((name) => flags[name] !== false && !(Array.isArray(flags[name]) && (flags[name] as string[]).length === 0)));
  const result = execCommand.run(ctx, { flags, given, args: [found.container.name, ...command], commandPath: 'docker compose exec' });
  return typeof result === 'number' ? result : 0;
}
