// `docker system events` (`docker events`): get real time events from the server.

import type { CommandDef } from '../../cli/command.ts';

export const eventsCommand: CommandDef = {
  path: ['system', 'events'],
  use: 'events [OPTIONS]',
  aliases: ['docker system events', 'docker events'],
  short: 'Get real time events from the server',
  args: { max: 0 },
  flags: [
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'since', kind: 'string', type: 'string', usage: 'Show all events created since timestamp' },
    { name: 'until', kind: 'string', type: 'string', usage: 'Stream events until this timestamp' },
  ],
};
