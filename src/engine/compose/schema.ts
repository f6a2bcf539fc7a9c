// The compose specification's JSON schema (the parts a course file meets) and a validator that reports
// the one error compose-go reports: the most specific leaf, worded as santhosh-tekuri/jsonschema words it.

type DefinitionName =
  | 'list_of_strings'
  | 'list_or_dict'
  | 'string_or_list'
  | 'command'
  | 'extra_hosts'
  | 'env_file'
  | 'service_config_or_secret'
  | 'ulimits'
  | 'healthcheck'
  | 'build'
  | 'depends_on'
  | 'ports'
  | 'service_volumes'
  | 'service_networks'
  | 'service'
  | 'network'
  | 'volume';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

export interface Schema {
  type?: JsonType | JsonType[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  uniqueItems?: boolean;
  oneOf?: Schema[];
  enum?: Array<string | number | boolean>;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** A named definition, resolved lazily so definitions can refer to each other. */
  ref?: DefinitionName;
}

const X = { '^x-': {} };
const anyScalar: Schema = { type: ['string', 'number', 'boolean', 'null'] };

const definitions: Record<DefinitionName, Schema> = {
  list_of_strings: { type: 'array', items: { type: 'string' }, uniqueItems: true } as Schema,
  list_or_dict: {
    oneOf: [
      { type: 'object', patternProperties: { '.+': anyScalar }, additionalProperties: false },
      { type: 'array', items: { type: 'string' }, uniqueItems: true },
    ],
  } as Schema,
  string_or_list: { oneOf: [{ type: 'string' }, { ref: 'list_of_strings' }] } as Schema,
  command: { oneOf: [{ type: 'null' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }] } as Schema,
  extra_hosts: {
    oneOf: [
      { type: 'object', patternProperties: { '.+': { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } }, additionalProperties: false },
      { type: 'array', items: { type: 'string' }, uniqueItems: true },
    ],
  } as Schema,
  env_file: {
    oneOf: [
      { type: 'string' },
      {
        type: 'array',
        items: {
          oneOf: [
            { type: 'string' },
            {
              type: 'object',
              additionalProperties: false,
              properties: { path: { type: 'string' }, format: { type: 'string' }, required: { type: ['boolean', 'string'] } },
              required: ['path'],
            },
          ],
        },
      },
    ],
  } as Schema,
  service_config_or_secret: {
    type: 'array',
    items: {
      oneOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: {
            source: { type: 'string' },
            target: { type: 'string' },
            uid: { type: 'string' },
            gid: { type: 'string' },
            mode: { type: ['number', 'string'] },
          },
          additionalProperties: false,
          patternProperties: X,
        },
      ],
    },
  } as Schema,
  ulimits: {
    type: 'object',
    patternProperties: {
      '^[a-z]+$': {
        oneOf: [
          { type: ['integer', 'string'] },
          {
            type: 'object',
            properties: { hard: { type: ['integer', 'string'] }, soft: { type: ['integer', 'string'] } },
            required: ['soft', 'hard'],
            additionalProperties: false,
            patternProperties: X,
          },
        ],
      },
    },
  } as Schema,
  healthcheck: {
    type: 'object',
    properties: {
      disable: { type: ['boolean', 'string'] },
      interval: { type: 'string' },
      retries: { type: ['number', 'string'] },
      test: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      timeout: { type: 'string' },
      start_period: { type: 'string' },
      start_interval: { type: 'string' },
    },
    additionalProperties: false,
    patternProperties: X,
  } as Schema,
  build: {
    oneOf: [
      { type: 'string' },
      {
        type: 'object',
        properties: {
          context: { type: 'string' },
          dockerfile: { type: 'string' },
          dockerfile_inline: { type: 'string' },
          entitlements: { type: 'array', items: { type: 'string' } },
          args: { ref: 'list_or_dict' },
          ssh: { ref: 'list_or_dict' },
          labels: { ref: 'list_or_dict' },
          cache_from: { type: 'array', items: { type: 'string' } },
          cache_to: { type: 'array', items: { type: 'string' } },
          no_cache: { type: ['boolean', 'string'] },
          additional_contexts: { ref: 'list_or_dict' },
          network: { type: 'string' },
          provenance: { type: ['string', 'boolean'] },
          sbom: { type: ['string', 'boolean'] },
          pull: { type: ['boolean', 'string'] },
          target: { type: 'string' },
          shm_size: { type: ['integer', 'string'] },
          extra_hosts: { ref: 'extra_hosts' },
          isolation: { type: 'string' },
          privileged: { type: ['boolean', 'string'] },
          secrets: { ref: 'service_config_or_secret' },
          tags: { type: 'array', items: { type: 'string' } },
          ulimits: { ref: 'ulimits' },
          platforms: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
        patternProperties: X,
      },
    ],
  } as Schema,
  depends_on: {
    oneOf: [
      { ref: 'list_of_strings' },
      {
        type: 'object',
        additionalProperties: false,
        patternProperties: {
          '^[a-zA-Z0-9._-]+$': {
            type: 'object',
            additionalProperties: false,
            patternProperties: X,
            properties: {
              restart: { type: ['boolean', 'string'] },
              required: { type: 'boolean' },
              condition: { type: 'string', enum: ['service_started', 'service_healthy', 'service_completed_successfully'] },
            },
            required: ['condition'],
          },
        },
      },
    ],
  } as Schema,
  ports: {
    type: 'array',
    items: {
      oneOf: [
        { type: 'number' },
        { type: 'string' },
        {
          type: 'object',
          properties: {
            name: { type: 'string' },
            mode: { type: 'string' },
            host_ip: { type: 'string' },
            target: { type: ['integer', 'string'] },
            published: { type: ['string', 'integer'] },
            protocol: { type: 'string' },
            app_protocol: { type: 'string' },
          },
          additionalProperties: false,
          patternProperties: X,
        },
      ],
    },
    uniqueItems: true,
  } as Schema,
  service_volumes: {
    type: 'array',
    items: {
      oneOf: [
        { type: 'string' },
        {
          type: 'object',
          required: ['type'],
          properties: {
            type: { type: 'string', enum: ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'] },
            source: { type: 'string' },
            target: { type: 'string' },
            read_only: { type: ['boolean', 'string'] },
            consistency: { type: 'string' },
            bind: {
              type: 'object',
              properties: {
                propagation: { type: 'string' },
                create_host_path: { type: ['boolean', 'string'] },
                recursive: { type: 'string', enum: ['enabled', 'disabled', 'writable', 'readonly'] },
                selinux: { type: 'string', enum: ['z', 'Z'] },
              },
              additionalProperties: false,
              patternProperties: X,
            },
            volume: {
              type: 'object',
              properties: { labels: { ref: 'list_or_dict' }, nocopy: { type: ['boolean', 'string'] }, subpath: { type: 'string' } },
              additionalProperties: false,
              patternProperties: X,
            },
            tmpfs: {
              type: 'object',
              properties: {
                size: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string' }] },
                mode: { type: ['number', 'string'] },
              },
              additionalProperties: false,
              patternProperties: X,
            },
          },
          additionalProperties: false,
          patternProperties: X,
        },
      ],
    },
    uniqueItems: true,
  } as Schema,
  service_networks: {
    oneOf: [
      { ref: 'list_of_strings' },
      {
        type: 'object',
        patternProperties: {
          '^[a-zA-Z0-9._-]+$': {
            oneOf: [
              {
                type: 'object',
                properties: {
                  aliases: { ref: 'list_of_strings' },
                  interface_name: { type: 'string' },
                  ipv4_address: { type: 'string' },
                  ipv6_address: { type: 'string' },
                  link_local_ips: { ref: 'list_of_strings' },
                  mac_address: { type: 'string' },
                  driver_opts: { type: 'object', patternProperties: { '^.+$': { type: ['string', 'number'] } } },
                  priority: { type: 'number' },
                  gw_priority: { type: 'number' },
                },
                additionalProperties: false,
                patternProperties: X,
              },
              { type: 'null' },
            ],
          },
        },
        additionalProperties: false,
      },
    ],
  } as Schema,
  service: {} as Schema,
  network: {
    type: ['object', 'null'],
    properties: {
      name: { type: 'string' },
      driver: { type: 'string' },
      driver_opts: { type: 'object', patternProperties: { '^.+$': { type: ['string', 'number'] } } },
      ipam: { type: 'object' },
      external: { type: ['boolean', 'string', 'object'] },
      internal: { type: ['boolean', 'string'] },
      enable_ipv4: { type: ['boolean', 'string'] },
      enable_ipv6: { type: ['boolean', 'string'] },
      attachable: { type: ['boolean', 'string'] },
      labels: { ref: 'list_or_dict' },
    },
    additionalProperties: false,
    patternProperties: X,
  } as Schema,
  volume: {
    type: ['object', 'null'],
    properties: {
      name: { type: 'string' },
      driver: { type: 'string' },
      driver_opts: { type: 'object', patternProperties: { '^.+$': { type: ['string', 'number'] } } },
      external: { type: ['boolean', 'string', 'object'] },
      labels: { ref: 'list_or_dict' },
    },
    additionalProperties: false,
    patternProperties: X,
  } as Schema,
};

const str: Schema = { type: 'string' };
const boolOrString: Schema = { type: ['boolean', 'string'] };
const numberOrString: Schema = { type: ['number', 'string'] };
const stringList: Schema = { type: 'array', items: { type: 'string' }, uniqueItems: true };
const looseObject: Schema = { type: ['object', 'null'] };

/** Every attribute a service may have (so an unknown one is refused by name); nested detail only where the course goes. */
definitions.service = {
  type: 'object',
  properties: {
    develop: looseObject,
    deploy: looseObject,
    annotations: { ref: 'list_or_dict' },
    attach: boolOrString,
    build: { ref: 'build' },
    blkio_config: { type: 'object' },
    cap_add: stringList,
    cap_drop: stringList,
    cgroup: { type: 'string', enum: ['host', 'private'] },
    cgroup_parent: str,
    command: { ref: 'command' },
    configs: { ref: 'service_config_or_secret' },
    container_name: { type: 'string', pattern: '[a-zA-Z0-9][a-zA-Z0-9_.-]+' },
    cpu_count: { oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] },
    cpu_percent: { oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0, maximum: 100 }] },
    cpu_shares: numberOrString,
    cpu_quota: numberOrString,
    cpu_period: numberOrString,
    cpu_rt_period: numberOrString,
    cpu_rt_runtime: numberOrString,
    cpus: numberOrString,
    cpuset: str,
    credential_spec: { type: 'object' },
    depends_on: { ref: 'depends_on' },
    device_cgroup_rules: { ref: 'list_of_strings' },
    devices: { type: 'array' },
    dns: { ref: 'string_or_list' },
    dns_opt: stringList,
    dns_search: { ref: 'string_or_list' },
    domainname: str,
    entrypoint: { ref: 'command' },
    env_file: { ref: 'env_file' },
    label_file: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    environment: { ref: 'list_or_dict' },
    expose: { type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true },
    extends: { oneOf: [{ type: 'string' }, { type: 'object' }] },
    provider: { type: 'object' },
    external_links: stringList,
    extra_hosts: { ref: 'extra_hosts' },
    gpus: { oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array' }] },
    group_add: { type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true },
    healthcheck: { ref: 'healthcheck' },
    hostname: str,
    image: str,
    init: boolOrString,
    ipc: str,
    isolation: str,
    labels: { ref: 'list_or_dict' },
    links: stringList,
    logging: { type: 'object' },
    mac_address: str,
    mem_limit: numberOrString,
    mem_reservation: { type: ['string', 'integer'] },
    mem_swappiness: { type: ['integer', 'string'] },
    memswap_limit: numberOrString,
    network_mode: str,
    networks: { ref: 'service_networks' },
    oom_kill_disable: boolOrString,
    oom_score_adj: { oneOf: [{ type: 'string' }, { type: 'integer', minimum: -1000, maximum: 1000 }] },
    pid: { type: ['string', 'null'] },
    pids_limit: numberOrString,
    platform: str,
    ports: { ref: 'ports' },
    post_start: { type: 'array' },
    pre_stop: { type: 'array' },
    privileged: boolOrString,
    profiles: { ref: 'list_of_strings' },
    pull_policy: { type: 'string', pattern: 'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+' },
    pull_refresh_after: str,
    read_only: boolOrString,
    restart: str,
    runtime: str,
    scale: { type: ['integer', 'string'] },
    security_opt: stringList,
    shm_size: numberOrString,
    secrets: { ref: 'service_config_or_secret' },
    sysctls: { ref: 'list_or_dict' },
    stdin_open: boolOrString,
    stop_grace_period: str,
    stop_signal: str,
    storage_opt: { type: 'object' },
    tmpfs: { ref: 'string_or_list' },
    tty: boolOrString,
    ulimits: { ref: 'ulimits' },
    use_api_socket: { type: 'boolean' },
    user: str,
    uts: str,
    userns_mode: str,
    volumes: { ref: 'service_volumes' },
    volumes_from: stringList,
    working_dir: str,
  },
  patternProperties: X,
  additionalProperties: false,
};

const NAME_PATTERN = '^[a-zA-Z0-9._-]+$';

/** The top of a compose file. */
export const composeSchema: Schema = {
  type: 'object',
  properties: {
    version: { type: 'string' },
    name: { type: 'string' },
    include: { type: 'array' },
    services: { type: 'object', patternProperties: { [NAME_PATTERN]: { ref: 'service' } }, additionalProperties: false },
    models: { type: 'object' },
    networks: { type: 'object', patternProperties: { [NAME_PATTERN]: { ref: 'network' } } },
    volumes: { type: 'object', patternProperties: { [NAME_PATTERN]: { ref: 'volume' } }, additionalProperties: false },
    secrets: { type: 'object', patternProperties: { [NAME_PATTERN]: { type: 'object' } }, additionalProperties: false },
    configs: { type: 'object', patternProperties: { [NAME_PATTERN]: { type: 'object' } }, additionalProperties: false },
  },
  patternProperties: X,
  additionalProperties: false,
};

type LeafKind =
  | { kind: 'type'; want: JsonType[] }
  | { kind: 'additionalProperties'; properties: string[] }
  | { kind: 'required'; missing: string[] }
  | { kind: 'enum'; want: Array<string | number | boolean> }
  | { kind: 'pattern'; got: string; want: string }
  | { kind: 'minimum'; want: number }
  | { kind: 'maximum'; want: number }
  | { kind: 'uniqueItems'; first: number; second: number }
  | { kind: 'oneOfMany'; matched: [number, number] };

interface Leaf {
  location: string[];
  error: LeafKind;
}

function jsonType(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

function typeMatches(want: JsonType[], got: JsonType): boolean {
  return want.includes(got) || (got === 'integer' && want.includes('number'));
}

function resolve(schema: Schema): Schema {
  return schema.ref ? definitions[schema.ref] : schema;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Collects the failing leaves in evaluation order; an empty list means the value is valid. */
function check(value: unknown, schemaIn: Schema, location: string[], leaves: Leaf[]): void {
  const schema = resolve(schemaIn);
  const got = jsonType(value);
  if (schema.type !== undefined) {
    const want = Array.isArray(schema.type) ? schema.type : [schema.type];
    // A type mismatch ends the evaluation of this schema, as it does in the validator compose-go uses.
    if (!typeMatches(want, got)) {
      leaves.push({ location, error: { kind: 'type', want } });
      return;
    }
  }
  if (schema.enum && !schema.enum.some((candidate) => candidate === value)) leaves.push({ location, error: { kind: 'enum', want: schema.enum } });
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) {
    leaves.push({ location, error: { kind: 'pattern', got: value, want: schema.pattern } });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) leaves.push({ location, error: { kind: 'minimum', want: schema.minimum } });
    if (schema.maximum !== undefined && value > schema.maximum) leaves.push({ location, error: { kind: 'maximum', want: schema.maximum } });
  }
  if (got === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    const missing = (schema.required ?? []).filter((key) => !(key in object));
    if (missing.length > 0) leaves.push({ location, error: { kind: 'required', missing } });
    const extra: string[] = [];
    for (const key of keys) {
      let known = false;
      const property = schema.properties?.[key];
      if (property) {
        known = true;
        check(object[key], property, [...location, key], leaves);
      }
      for (const [pattern, patternSchema] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern).test(key)) {
          known = true;
          check(object[key], patternSchema, [...location, key], leaves);
        }
      }
      if (!known) {
        if (schema.additionalProperties === false) extra.push(key);
        else if (typeof schema.additionalProperties === 'object') check(object[key], schema.additionalProperties, [...location, key], leaves);
      }
    }
    if (extra.length > 0) leaves.push({ location, error: { kind: 'additionalProperties', properties: extra } });
  }
  if (got === 'array') {
    const array = value as unknown[];
    if (schema.uniqueItems) {
      outer: for (let i = 0; i < array.length; i++) {
        for (let j = i + 1; j < array.length; j++) {
          if (sameJson(array[i], array[j])) {
            leaves.push({ location, error: { kind: 'uniqueItems', first: i, second: j } });
            break outer;
          }
        }
      }
    }
    if (schema.items) array.forEach((item, index) => check(item, schema.items!, [...location, String(index)], leaves));
  }
  if (schema.oneOf) {
    const failures: Leaf[][] = [];
    const matched: number[] = [];
    schema.oneOf.forEach((alternative, index) => {
      const found: Leaf[] = [];
      check(value, alternative, location, found);
      if (found.length === 0) matched.push(index);
      else failures.push(found);
    });
    if (matched.length === 0) for (const found of failures) leaves.push(...found);
    else if (matched.length > 1) leaves.push({ location, error: { kind: 'oneOfMany', matched: [matched[0], matched[1]] } });
  }
}

/** santhosh-tekuri/jsonschema's `quote`: single quotes, Go escapes, `'` escaped. */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function display(value: string | number | boolean): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function humanReadableType(want: JsonType[]): string {
  if (want.length === 1) return want[0] === 'object' ? 'mapping' : want[0];
  const names = want.map((name) => humanReadableType([name])).sort();
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function describe(leaf: Leaf): string {
  const path = leaf.location.join('.');
  const error = leaf.error;
  switch (error.kind) {
    case 'type':
      return `${path} must be a ${humanReadableType(error.want)}`;
    case 'minimum':
      return `${path} must be greater than or equal to ${error.want}`;
    case 'maximum':
      return `${path} must be less than or equal to ${error.want}`;
    case 'additionalProperties':
      return `${path} additional properties ${error.properties.map(quote).join(', ')} not allowed`;
    case 'required':
      return error.missing.length === 1
        ? `${path} missing property ${quote(error.missing[0])}`
        : `${path} missing properties ${error.missing.map(quote).join(', ')}`;
    case 'enum':
      return error.want.length === 1 ? `${path} value must be ${display(error.want[0])}` : `${path} value must be one of ${error.want.map(display).join(', ')}`;
    case 'pattern':
      return `${path} ${quote(error.got)} does not match pattern ${quote(error.want)}`;
    case 'uniqueItems':
      return `${path} items at ${error.first} and ${error.second} are equal`;
    case 'oneOfMany':
      return `${path} 'oneOf' failed, subschemas ${error.matched[0]}, ${error.matched[1]} matched`;
  }
}

/** An unknown key counts one level deeper than where it was found, as compose-go ranks errors. */
function specificity(leaf: Leaf): number {
  return leaf.location.length + (leaf.error.kind === 'additionalProperties' ? 1 : 0);
}

/** Validates a whole compose file; returns compose-go's message for the most specific error, or undefined. */
export function validateCompose(document: unknown): string | undefined {
  const leaves: Leaf[] = [];
  check(document, composeSchema, [], leaves);
  if (leaves.length === 0) return undefined;
  let best = leaves[0];
  for (const leaf of leaves) if (specificity(leaf) > specificity(best)) best = leaf;
  return describe(best);
}
