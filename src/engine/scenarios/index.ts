// The start scenarios lessons can name: a typed table, so a lesson's frontmatter is checked against it.

import { flaskPostgres, flaskPostgresNotes } from './flask-postgres.ts';
import type { Scenario } from './scenario.ts';

export type { Scenario } from './scenario.ts';
export { layScenario } from './scenario.ts';

export const SCENARIOS = {
  'flask-postgres': flaskPostgres,
  'flask-postgres-notes': flaskPostgresNotes,
} as const satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
