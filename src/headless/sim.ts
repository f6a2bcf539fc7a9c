// `npm run --silent sim`: runs shell lines from standard input in one simulated machine, headless.
//
// Default: prints what a terminal would show (stdout to stdout, stderr to stderr).
// --json: one JSON object per command: {"command","stdout","stderr","exitCode"}.
// --tty: commands run as in the browser terminal (a TTY --columns N wide, default 80), and each
//        object gains "screen": what the terminal shows once the command has finished.
// --seed N: fixes ids and names.
// --scenario NAME: starts from a lesson's start scenario (its files and working folder).

import { readFileSync } from 'node:fs';
import { createMachine, isScenarioName, SCENARIO_NAMES, streamText, type ScenarioName } from '../engine/index.ts';
import { commandsOf, runToEnd } from './run-to-end.ts';
import { renderScreen } from './screen.ts';

interface SimOptions {
  json: boolean;
  tty: boolean;
  columns: number;
  seed: number;
  scenario?: ScenarioName;
}

function usage(message: string): never {
  process.stderr.write(`sim: ${message}\nusage: npm run --silent sim -- [--json] [--tty] [--columns N] [--seed N] [--scenario NAME] < commands.txt\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): SimOptions {
  const options: SimOptions = { json: false, tty: false, columns: 80, seed: 1 };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++index] ?? usage(`${name} needs a value`);
    if (name === '--json') options.json = true;
    else if (name === '--tty') options.tty = true;
    else if (name === '--columns') options.columns = Number(value());
    else if (name === '--seed') options.seed = Number(value());
    else if (name === '--scenario') {
      const scenario = value();
      if (!isScenarioName(scenario)) usage(`unknown scenario ${scenario} (known: ${SCENARIO_NAMES.join(', ')})`);
      options.scenario = scenario;
    }
    else usage(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.columns) || options.columns < 20 || options.columns > 1000) usage('--columns takes a whole number from 20 to 1000');
  if (!Number.isInteger(options.seed) || options.seed < 0) usage('--seed takes a whole number ≥ 0');
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const input = readFileSync(0, 'utf8');
  const machine = createMachine({ seed: options.seed, scenario: options.scenario });
  let asking = false;
  for (const command of commandsOf(input, (source) => machine.isComplete(source), () => asking)) {
    const result = runToEnd(machine, command, { tty: options.tty, columns: options.columns });
    asking = result.asking === true;
    if (options.json) {
      const record: Record<string, unknown> = {
        command,
        stdout: streamText(result, 'stdout'),
        stderr: streamText(result, 'stderr'),
        exitCode: result.exitCode,
      };
      if (options.tty) record.screen = await renderScreen(result.chunks.map((chunk) => chunk.text).join(''), options.columns);
      process.stdout.write(`${JSON.stringify(record)}\n`);
    } else {
      for (const chunk of result.chunks) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
    }
  }
}

await main();
