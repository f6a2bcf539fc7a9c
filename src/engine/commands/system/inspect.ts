// `docker inspect`: return low-level information on Docker objects.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { containerInspectDocument } from '../../daemon/container-inspect.ts';
import { lookupContainer, reconcileContainers } from '../../daemon/containers.ts';
import { getImage } from '../../daemon/images.ts';
import { lookupNetwork } from '../../daemon/networks.ts';
import { getVolume } from '../../daemon/volumes.ts';
import { EMPTY_REFERENCE } from '../container/each-container.ts';
import { writeInspect, type InspectLookup } from '../../format/inspect-output.ts';
import { imageInspectJson } from '../image/image-view.ts';
import { networkInspectJson } from '../network/network-view.ts';
import { volumeInspectJson } from '../volume/volume-view.ts';

const OBJECT_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

type Inspector = (ctx: CommandContext, reference: string, size: boolean) => InspectLookup & { notFound?: boolean };

/** The object kinds `docker inspect` tries in turn, as docker/cli's autodetection orders them (swarm kinds skipped). */
const INSPECTORS: [string, Inspector][] = [
  [
    'container',
    (ctx, reference, size) => {
      if (reference === '') return { ok: false, message: EMPTY_REFERENCE };
      const found = lookupContainer(ctx.state, reference);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}`, notFound: found.kind === 'notFound' };
      const document = containerInspectDocument(ctx.state, found.container, { size });
      return { ok: true, json: document.json, value: document.value, rawFallback: true };
    },
  ],
  [
    'image',
    (ctx, reference) => {
      const found = getImage(ctx.state, reference);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}`, notFound: found.kind === 'notFound' || found.kind === 'invalid' };
      return { ok: true, json: imageInspectJson(found.image), rawFallback: true };
    },
  ],
  [
    'network',
    (ctx, reference) => {
      const found = lookupNetwork(ctx.state, reference);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}`, notFound: found.kind === 'notFound' };
      return { ok: true, json: networkInspectJson(ctx.state, found.network), rawFallback: true };
    },
  ],
  [
    'volume',
    (ctx, reference) => {
      const found = getVolume(ctx.state, reference);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}`, notFound: found.kind === 'notFound' };
      return { ok: true, json: volumeInspectJson(found.volume), rawFallback: true };
    },
  ],
];

export const inspectCommand: CommandDef = {
  path: ['inspect'],
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes if the type is container' },
    { name: 'type', kind: 'string', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
  supportedFlags: ['format', 'size', 'type'],
  run(ctx, { flags, args }) {
    reconcileContainers(ctx.state);
    const type = typeof flags.type === 'string' ? flags.type : '';
    if (type !== '' && !OBJECT_TYPES.includes(type)) {
      ctx.out.stderr(`${JSON.stringify(type)} is not a valid value for --type\n`);
      return 1;
    }
    const format = typeof flags.format === 'string' ? flags.format : undefined;
    const size = flags.size === true;
    return writeInspect(ctx.out, format, args, (reference) => {
      for (const [kind, inspect] of INSPECTORS) {
        if (type !== '' && kind !== type) continue;
        const found = inspect(ctx, reference, size);
        // Without --type, an object of one kind that is not there lets the next kind try.
        if (!found.ok && type === '' && found.notFound) continue;
        return found;
      }
      return { ok: false, message: `Error: No such object: ${reference}` };
    });
  },
};
