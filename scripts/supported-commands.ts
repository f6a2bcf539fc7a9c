// Prints the Docker commands and flags the simulator supports as Markdown, from the command declarations (npm run --silent supported).

import { dockerRoot } from '../src/engine/commands/docker.ts';
import { supportedCommandsMarkdown } from '../src/engine/commands/supported.ts';

process.stdout.write(supportedCommandsMarkdown(dockerRoot));
