// `docker compose config`: the normalised project as YAML, keys in compose-go's struct order, quoted as Go's yaml.v3 quotes.

import type { ComposeProject, ComposeService } from './model.ts';

type Node = string | number | boolean | null | Node[] | Entry[];
/** An ordered mapping entry; order is part of the output. */
type Entry = [string, Node];

const map = (entries: Array<Entry | undefined | false>): Entry[] => entries.filter((entry): entry is Entry => Array.isArray(entry));
/** Mappings are lists of [key, value] pairs; a list of strings never looks like one. */
function isMap(node: Node): node is Entry[] {
  return Array.isArray(node) && node.length > 0 && node.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string');
}

/** Words YAML would read as something other than a string, which yaml.v3 therefore double-quotes. */
const NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\d+:[0-5]?\d(?::[0-5]?\d)*(?:\.\d*)?|<<)$/;

function doubleQuoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

export function yamlString(text: string): string {
  if (text === '') return '""';
  if (NON_STRING.test(text) || /[\n\t\r]/.test(text) || /[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text)) return doubleQuoted(text);
  // yaml.v3's emitter: an indicator first, `: ` or ` #` inside, or edge spaces rule out a plain scalar.
  const plainUnsafe =
    /^[#,\[\]{}&*!|>'"%@`]/.test(text) || /^[-?:](\s|$)/.test(text) || /: |:$| #/.test(text) || /^\s|\s$/.test(text);
  if (plainUnsafe) return `'${text.replace(/'/g, "''")}'`;
  return text;
}

function scalar(node: string | number | boolean | null): string {
  if (node === null) return 'null';
  if (typeof node === 'string') return yamlString(node);
  return String(node);
}

function emit(node: Node, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(node) && isMap(node)) {
    for (const [key, value] of node) emitEntry(key, value, indent, out);
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) {
      if (Array.isArray(item) && isMap(item)) {
        const lines: string[] = [];
        emit(item, indent + 2, lines);
        lines[0] = `${pad}- ${lines[0].slice(indent + 2)}`;
        out.push(...lines);
      } else if (Array.isArray(item)) out.push(`${pad}- ${item.length === 0 ? '[]' : ''}`);
      else out.push(`${pad}- ${scalar(item)}`);
    }
  }
}

function emitEntry(key: string, value: Node, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  const name = yamlString(key);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      // An empty mapping and an empty list look alike here; compose prints the mappings it keeps as {}.
      out.push(`${pad}${name}: {}`);
      return;
    }
    out.push(`${pad}${name}:`);
    emit(value, indent + 2, out);
    return;
  }
  out.push(`${pad}${name}: ${scalar(value)}`);
}

const list = (values: string[]): Node[] => values;
const sortedMap = (record: Record<string, string | null>): Entry[] =>
  Object.keys(record)
    .sort()
    .map((key): Entry => [key, record[key]]);

function serviceNode(service: ComposeService): Entry[] {
  const build = service.build;
  return map([
    service.profiles.length > 0 && ['profiles', list(service.profiles)],
    build && [
      'build',
      map([
        ['context', build.context],
        ['dockerfile', build.dockerfile],
        Object.keys(build.args).length > 0 && ['args', sortedMap(build.args)],
        build.target !== undefined && ['target', build.target],
        build.tags.length > 0 && ['tags', list(build.tags)],
      ]),
    ],
    service.command !== null && ['command', list(service.command)],
    service.containerName !== undefined && ['container_name', service.containerName],
    Object.keys(service.dependsOn).length > 0 && [
      'depends_on',
      Object.keys(service.dependsOn)
        .sort()
        .map((name): Entry => {
          const dependency = service.dependsOn[name];
          return [name, map([['condition', dependency.condition], dependency.restart && ['restart', true], ['required', dependency.required]])];
        }),
    ],
    service.entrypoint !== null && ['entrypoint', list(service.entrypoint)],
    Object.keys(service.environment).length > 0 && ['environment', sortedMap(service.environment)],
    service.expose.length > 0 && ['expose', list(service.expose)],
    service.hostname !== undefined && ['hostname', service.hostname],
    service.healthcheck && [
      'healthcheck',
      map([
        ['test', list(service.healthcheck.test)],
        service.healthcheck.timeout !== undefined && ['timeout', service.healthcheck.timeout],
        service.healthcheck.interval !== undefined && ['interval', service.healthcheck.interval],
        service.healthcheck.retries !== undefined && ['retries', service.healthcheck.retries],
        service.healthcheck.startPeriod !== undefined && ['start_period', service.healthcheck.startPeriod],
        service.healthcheck.startInterval !== undefined && ['start_interval', service.healthcheck.startInterval],
      ]),
    ],
    service.image !== undefined && ['image', service.image],
    Object.keys(service.labels).length > 0 && ['labels', sortedMap(service.labels)],
    service.networkMode !== undefined && ['network_mode', service.networkMode],
    Object.keys(service.networks).length > 0 && [
      'networks',
      Object.keys(service.networks)
        .sort()
        .map((name): Entry => {
          const network = service.networks[name];
          if (network === null) return [name, null];
          return [name, map([network.aliases.length > 0 && ['aliases', list(network.aliases)], network.ipv4Address !== undefined && ['ipv4_address', network.ipv4Address]])];
        }),
    ],
    service.ports.length > 0 && [
      'ports',
      service.ports.map((port) =>
        map([
          ['mode', port.mode],
          port.hostIp !== undefined && ['host_ip', port.hostIp],
          ['target', port.target],
          port.published !== undefined && ['published', port.published],
          ['protocol', port.protocol],
        ]),
      ),
    ],
    service.pullPolicy !== undefined && ['pull_policy', service.pullPolicy],
    service.restart !== undefined && ['restart', service.restart],
    service.stdinOpen && ['stdin_open', true],
    service.stopGracePeriod !== undefined && ['stop_grace_period', service.stopGracePeriod],
    service.stopSignal !== undefined && ['stop_signal', service.stopSignal],
    service.tty && ['tty', true],
    service.user !== undefined && ['user', service.user],
    service.volumes.length > 0 && [
      'volumes',
      service.volumes.map((volume) =>
        map([
          ['type', volume.type],
          volume.source !== undefined && ['source', volume.source],
          ['target', volume.target],
          volume.readOnly && ['read_only', true],
          volume.type === 'bind' && volume.createHostPath !== undefined && ['bind', map([['create_host_path', volume.createHostPath]])],
          volume.type === 'volume' && ['volume', map([volume.nocopy === true && ['nocopy', true]])],
        ]),
      ),
    ],
    service.workingDir !== undefined && ['working_dir', service.workingDir],
  ]);
}

/** The YAML `docker compose config` prints for a loaded project. */
export function projectYaml(project: ComposeProject): string {
  const root = map([
    ['name', project.name],
    ['services', project.services.map((service): Entry => [service.name, serviceNode(service)])],
    Object.keys(project.networks).length > 0 && [
      'networks',
      Object.keys(project.networks)
        .sort()
        .map((key): Entry => {
          const network = project.networks[key];
          return [
            key,
            map([
              ['name', network.name],
              network.driver !== undefined && ['driver', network.driver],
              network.external && ['external', true],
              network.internal && ['internal', true],
              Object.keys(network.labels).length > 0 && ['labels', sortedMap(network.labels)],
            ]),
          ];
        }),
    ],
    Object.keys(project.volumes).length > 0 && [
      'volumes',
      Object.keys(project.volumes)
        .sort()
        .map((key): Entry => {
          const volume = project.volumes[key];
          return [
            key,
            map([
              ['name', volume.name],
              volume.driver !== undefined && ['driver', volume.driver],
              volume.external && ['external', true],
              Object.keys(volume.labels).length > 0 && ['labels', sortedMap(volume.labels)],
            ]),
          ];
        }),
    ],
  ]);
  const lines: string[] = [];
  emit(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

/** `docker compose config --services`: one service name a line. */
export function servicesList(project: ComposeProject): string {
  return project.services.map((service) => `${service.name}\n`).join('');
}
