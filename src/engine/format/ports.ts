// The PORTS column of `docker ps`: published bindings first, then exposed ports nobody published.

import type { ContainerRecord } from '../state/machine-state.ts';

function bindingText(hostIp: string, hostPort: number, containerPort: number, protocol: string): string {
  const host = hostIp.includes(':') ? `[${hostIp}]` : hostIp;
  return `${host}:${hostPort}->${containerPort}/${protocol}`;
}

/**
 * Docker 28 binds a published port on IPv4 and IPv6 wildcards when no address is given, and lists
 * both (`0.0.0.0:8888->80/tcp, [::]:8888->80/tcp`). Only a running container shows its bindings.
 */
export function displayPorts(container: ContainerRecord): string {
  const running = container.status === 'running' || container.status === 'paused' || container.status === 'restarting';
  const published = running ? container.hostConfig.portBindings : [];
  const parts: string[] = [];
  const covered = new Set<string>();
  const sorted = [...published].sort((a, b) => a.containerPort - b.containerPort || a.hostPort - b.hostPort);
  const ipv4 = sorted.map((b) => bindingText(b.hostIp === '' ? '0.0.0.0' : b.hostIp, b.hostPort, b.containerPort, b.protocol));
  const ipv6 = sorted
    .filter((b) => b.hostIp === '' || b.hostIp === '::')
    .map((b) => bindingText('::', b.hostPort, b.containerPort, b.protocol));
  for (const b of sorted) covered.add(`${b.containerPort}/${b.protocol}`);
  parts.push(...ipv4.filter((text) => !text.startsWith('[')), ...ipv6);
  if (running) {
    const exposed = container.config.exposedPorts.filter((port) => !covered.has(port));
    parts.push(...exposed);
  }
  return parts.join(', ');
}
