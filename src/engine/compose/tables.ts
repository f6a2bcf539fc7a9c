// The tables Compose prints: `ps` (docker/cli's formatter), `ls` and `images` (compose's own, min width 20), and `version`.

import { displayPorts } from '../format/ports.ts';
import { DOCKER_TABLE, renderTable } from '../format/table.ts';
import { ellipsis, quoteGo } from '../format/text.ts';
import { containerStatusText, humanDuration, humanSizeWithPrecision, timeAgo } from '../format/units.ts';
import type { ContainerRecord, ImageRecord, MachineState } from '../state/machine-state.ts';
import { COMPOSE_VERSION, LABEL } from './labels.ts';

/** compose's `PrintPrettySection`: Go's text/tabwriter with min width 20 and padding 3. */
const COMPOSE_TABLE = { minWidth: 20, padding: 3 };

export function versionText(short: boolean): string {
  return short ? `${COMPOSE_VERSION}\n` : `Docker Compose version v${COMPOSE_VERSION}\n`;
}

function command(container: ContainerRecord, truncate: boolean): string {
  const text = [container.path, ...container.args].join(' ');
  return quoteGo(truncate ? ellipsis(text, 20) : text);
}

/** `docker compose ps`: `table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}`, sorted by name. */
export function psTable(containers: ContainerRecord[], now: number, options: { noTrunc?: boolean } = {}): string {
  const rows = [['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS']];
  for (const container of [...containers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    rows.push([
      container.name,
      container.image,
      command(container, !options.noTrunc),
      container.config.labels[LABEL.service] ?? '',
      timeAgo(container.created, now),
      containerStatusText(container, now),
      displayPorts(container),
    ]);
  }
  return renderTable(rows, DOCKER_TABLE);
}

export interface ProjectSummary {
  name: string;
  /** `running(2)`, `exited(1), running(1)`: container states counted, in name order. */
  status: string;
  configFiles: string;
  running: boolean;
}

/** The projects `docker compose ls` knows: every project label on a container, with its states counted. */
export function projectSummaries(state: Pick<MachineState, 'containers'>): ProjectSummary[] {
  const byProject = new Map<string, ContainerRecord[]>();
  for (const container of state.containers) {
    const project = container.config.labels[LABEL.project];
    if (project === undefined || container.config.labels[LABEL.oneoff] === 'True') continue;
    byProject.set(project, [...(byProject.get(project) ?? []), container]);
  }
  return [...byProject.keys()].sort().map((name) => {
    const containers = byProject.get(name)!;
    const counts = new Map<string, number>();
    for (const container of containers) counts.set(container.status, (counts.get(container.status) ?? 0) + 1);
    const status = [...counts.keys()]
      .sort()
      .map((key) => `${key}(${counts.get(key)})`)
      .join(', ');
    const files = new Set(containers.map((container) => container.config.labels[LABEL.configFiles] ?? '').filter(Boolean));
    return { name, status, configFiles: [...files].join(','), running: counts.has('running') };
  });
}

/** `docker compose ls` (running projects unless `-a`). */
export function lsTable(state: Pick<MachineState, 'containers'>, options: { all?: boolean; quiet?: boolean } = {}): string {
  const projects = projectSummaries(state).filter((project) => options.all || project.running);
  if (options.quiet) return projects.map((project) => `${project.name}\n`).join('');
  return renderTable([['NAME', 'STATUS', 'CONFIG FILES'], ...projects.map((project) => [project.name, project.status, project.configFiles])], COMPOSE_TABLE);
}

/** `docker compose images`: one row per container, by container name. */
export function imagesTable(containers: ContainerRecord[], images: ImageRecord[], now: number): string {
  const rows = [['CONTAINER', 'REPOSITORY', 'TAG', 'PLATFORM', 'IMAGE ID', 'SIZE', 'CREATED']];
  for (const container of [...containers].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const image = images.find((candidate) => candidate.id === container.imageId);
    const reference = image?.repoTags[0] ?? '';
    const colon = reference.lastIndexOf(':');
    const repository = colon > reference.lastIndexOf('/') ? reference.slice(0, colon) : reference;
    const tag = colon > reference.lastIndexOf('/') ? reference.slice(colon + 1) : '';
    rows.push([
      container.name,
      repository || '<none>',
      tag || '<none>',
      'linux/amd64',
      (image?.id ?? container.imageId).replace(/^sha256:/, '').slice(0, 12),
      humanSizeWithPrecision(image?.size ?? 0, 3),
      image ? `${humanDuration(now - image.created)} ago` : 'N/A',
    ]);
  }
  return renderTable(rows, COMPOSE_TABLE);
}
