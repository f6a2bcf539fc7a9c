// `docker compose config`: the project as Compose resolved it, or lists of its parts.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { projectYaml, servicesList } from '../config-yaml.ts';
import { flagSet, loadFor } from './common.ts';

export function runComposeConfig(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation);
  if (!loaded.ok) return loaded.exitCode;
  const { project } = loaded;
  if (flagSet(invocation, 'quiet')) return 0;
  if (flagSet(invocation, 'services')) ctx.out.stdout(servicesList(project));
  else if (flagSet(invocation, 'volumes')) ctx.out.stdout(Object.keys(project.volumes).map((key) => `${key}\n`).join(''));
  else ctx.out.stdout(projectYaml(project));
  return 0;
}
