// `docker image push` (`docker push`): upload an image to a registry.

import type { CommandDef } from '../../cli/command.ts';

export const pushCommand: CommandDef = {
  path: ['image', 'push'],
  use: 'push [OPTIONS] NAME[:TAG]',
  aliases: ['docker image push', 'docker push'],
  short: 'Upload an image to a registry',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'all-tags', shorthand: 'a', kind: 'bool', type: '', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', kind: 'bool', type: '', usage: 'Skip image signing', defaultText: 'true', defaultValue: true },
    { name: 'platform', kind: 'string', type: 'string', usage: "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress verbose output' },
  ],
};
