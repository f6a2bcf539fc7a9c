// `docker version`: show the Docker version information.

import type { CommandDef } from '../../cli/command.ts';
import { executeTemplate, goStruct, parseTemplate } from '../../format/go-template.ts';
import { goJson } from '../../format/json.ts';
import { CLIENT, ENGINE } from './engine-facts.ts';

/** Components in the order the daemon lists them, each with its details. */
function components() {
  return [
    {
      Name: 'Engine',
      Version: ENGINE.version,
      Details: {
        ApiVersion: ENGINE.apiVersion,
        Arch: 'amd64',
        BuildTime: ENGINE.buildTimeText,
        Experimental: 'false',
        GitCommit: ENGINE.gitCommit,
        GoVersion: ENGINE.goVersion,
        KernelVersion: ENGINE.kernelVersion,
        MinAPIVersion: ENGINE.minApiVersion,
        Os: 'linux',
      },
    },
    { Name: 'containerd', Version: ENGINE.containerd.version, Details: { GitCommit: ENGINE.containerd.commit } },
    { Name: 'runc', Version: ENGINE.runc.version, Details: { GitCommit: ENGINE.runc.commit } },
    { Name: 'docker-init', Version: ENGINE.init.version, Details: { GitCommit: ENGINE.init.commit } },
  ];
}

/** `types.Version` of the server, JSON field names as the client encodes `{{json .}}`. */
function serverJson() {
  return {
    Platform: { Name: ENGINE.platform },
    Components: components(),
    Version: ENGINE.version,
    ApiVersion: ENGINE.apiVersion,
    MinAPIVersion: ENGINE.minApiVersion,
    GitCommit: ENGINE.gitCommit,
    GoVersion: ENGINE.goVersion,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: ENGINE.kernelVersion,
    BuildTime: ENGINE.buildTime,
  };
}

/** What templates see: the client's `versionInfo` with Go field names. */
function templateData() {
  const server = serverJson();
  return goStruct('system.versionInfo', {
    Client: goStruct('command.clientVersion', {
      Platform: null,
      Version: CLIENT.Version,
      APIVersion: CLIENT.ApiVersion,
      DefaultAPIVersion: CLIENT.DefaultAPIVersion,
      GitCommit: CLIENT.GitCommit,
      GoVersion: CLIENT.GoVersion,
      Os: CLIENT.Os,
      Arch: CLIENT.Arch,
      BuildTime: CLIENT.BuildTime,
      Context: CLIENT.Context,
    }),
    Server: goStruct('types.Version', {
      Platform: goStruct('struct { Name string }', { Name: ENGINE.platform }),
      Components: server.Components.map((component) => goStruct('types.ComponentVersion', { ...component })),
      Version: server.Version,
      APIVersion: server.ApiVersion,
      MinAPIVersion: server.MinAPIVersion,
      GitCommit: server.GitCommit,
      GoVersion: server.GoVersion,
      Os: server.Os,
      Arch: server.Arch,
      KernelVersion: server.KernelVersion,
      Experimental: false,
      BuildTime: server.BuildTime,
    }),
  });
}

/** The default template's output: tab-separated cells through a tabwriter of minimum width 20, padding 1. */
function versionText(): string {
  const rows: [string, string][] = [
    [' Version:', CLIENT.Version],
    [' API version:', CLIENT.ApiVersion],
    [' Go version:', CLIENT.GoVersion],
    [' Git commit:', CLIENT.GitCommit],
    [' Built:', CLIENT.BuildTime],
    [' OS/Arch:', `${CLIENT.Os}/${CLIENT.Arch}`],
    [' Context:', CLIENT.Context],
  ];
  const server: [string, string][] = [];
  for (const component of components()) {
    server.push([` ${component.Name}:`, '']);
    if (component.Name === 'Engine') {
      const details = component.Details as Record<string, string>;
      server.push(
        ['  Version:', component.Version],
        ['  API version:', `${details.ApiVersion} (minimum version ${details.MinAPIVersion})`],
        ['  Go version:', details.GoVersion],
        ['  Git commit:', details.GitCommit],
        ['  Built:', details.BuildTime],
        ['  OS/Arch:', `${details.Os}/${details.Arch}`],
        ['  Experimental:', details.Experimental],
      );
    } else {
      server.push(['  Version:', component.Version]);
      for (const [key, value] of Object.entries(component.Details)) server.push([`  ${key}:`, value]);
    }
  }
  const width = Math.max(20, ...[...rows, ...server].filter(([, value]) => value !== '').map(([label]) => label.length + 1));
  const line = ([label, value]: [string, string]) => (value === '' ? label : label.padEnd(width) + value);
  return `Client:\n${rows.map(line).join('\n')}\n\nServer: ${ENGINE.platform}\n${server.map(line).join('\n')}\n`;
}

export const versionCommand: CommandDef = {
  path: ['version'],
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  topRank: 11,
  args: { max: 0 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
  supportedFlags: ['format'],
  run(ctx, { flags }) {
    const format = typeof flags.format === 'string' ? flags.format : '';
    if (format === '') {
      ctx.out.stdout(versionText());
      return 0;
    }
    if (format === 'json' || format.trim() === '{{json .}}') {
      const client = { ...CLIENT };
      ctx.out.stdout(`${goJson({ Client: client, Server: serverJson() }, { escapeHtml: false })}\n`);
      return 0;
    }
    // The client names its template "version", which its errors repeat.
    const named = (error: string) => error.replace(/^template: :/, 'template: version:').replace('executing ""', 'executing "version"');
    const parsed = parseTemplate(format);
    if (!parsed.ok) {
      ctx.out.stderr(`template parsing error: ${named(parsed.error)}\n`);
      return 64;
    }
    const rendered = executeTemplate(parsed.template, templateData());
    ctx.out.stdout(`${rendered.ok ? rendered.text : ''}\n`);
    if (!rendered.ok) {
      ctx.out.stderr(`${named(rendered.error)}\n`);
      return 1;
    }
    return 0;
  },
};
