// The build history of the simulated Hub's images: `docker history` rows and the uncompressed size of each layer.

import type { ImageHistoryEntry } from '../state/machine-state.ts';
import { HUB_REPOSITORIES } from './hub-data.ts';
import type { HubImage } from './hub-types.ts';

const BUILDKIT = 'buildkit.dockerfile.v0';
const DEBUERREOTYPE = 'debuerreotype 0.15';

interface Step {
  createdBy: string;
  /** The step added the next of the image's layers. */
  layer?: boolean;
  comment?: string;
  /** The step belongs to the base image, built this many days before the image. */
  baseDaysBefore?: number;
}

const run = (command: string): Step => ({ createdBy: `RUN /bin/sh -c ${command} # buildkit`, layer: true });
const meta = (createdBy: string): Step => ({ createdBy });
const copy = (what: string): Step => ({ createdBy: `COPY ${what} # buildkit`, layer: true });

function debianBase(suite: string, epoch: string, daysBefore: number): Step {
  return { createdBy: `# debian.sh --arch 'amd64' out/ '${suite}' '@${epoch}'`, layer: true, comment: DEBUERREOTYPE, baseDaysBefore: daysBefore };
}

const BOOKWORM_SLIM_BASE: Step[] = [debianBase('bookworm', '1744588800', 1)];

function buildpackDeps(daysBefore: number): Step[] {
  const based = (step: Step): Step => ({ ...step, baseDaysBefore: daysBefore });
  return [
    { ...debianBase('bookworm', '1747008000', daysBefore + 1) },
    based(run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/*")),
    based(run("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*")),
    based(run('set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/*')),
  ];
}

function alpineBase(version: string, daysBefore: number): Step[] {
  return [
    { createdBy: `ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`, layer: true, comment: BUILDKIT, baseDaysBefore: daysBefore },
    { createdBy: 'CMD ["/bin/sh"]', comment: BUILDKIT, baseDaysBefore: daysBefore },
  ];
}

function nginxSteps(alpine: boolean): Step[] {
  const release = alpine ? '1' : '1~bookworm';
  return [
    ...(alpine ? alpineBase('3.21.3', 60) : BOOKWORM_SLIM_BASE),
    meta('LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    meta('ENV NGINX_VERSION=1.27.5'),
    meta('ENV NJS_VERSION=0.8.10'),
    meta(`ENV NJS_RELEASE=${release}`),
    meta(`ENV PKG_RELEASE=${release}`),
    meta(`ENV DYNPKG_RELEASE=${release}`),
    run(
      alpine
        ? 'set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "'
        : 'set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates',
    ),
    copy('docker-entrypoint.sh /'),
    copy('10-listen-on-ipv6-by-default.sh /docker-entrypoint.d'),
    copy('15-local-resolvers.envsh /docker-entrypoint.d'),
    copy('20-envsubst-on-templates.sh /docker-entrypoint.d'),
    copy('30-tune-worker-processes.sh /docker-entrypoint.d'),
    meta('ENTRYPOINT ["/docker-entrypoint.sh"]'),
    meta('EXPOSE map[80/tcp:{}]'),
    meta('STOPSIGNAL SIGQUIT'),
    meta('CMD ["nginx" "-g" "daemon off;"]'),
    ...(alpine ? [run('set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}     "')] : []),
  ];
}

function pythonSteps(version: string, key: string, full: boolean): Step[] {
  return [
    ...(full ? buildpackDeps(2) : BOOKWORM_SLIM_BASE),
    meta('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    meta('ENV LANG=C.UTF-8'),
    run(
      full
        ? 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*'
        : 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*',
    ),
    meta(`ENV GPG_KEY=${key}`),
    meta(`ENV PYTHON_VERSION=${version}`),
    run(
      'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev',
    ),
    run('set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone'),
    meta('CMD ["python3"]'),
  ];
}

function postgresSteps(major: string, version: string): Step[] {
  return [
    ...BOOKWORM_SLIM_BASE,
    run('set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql'),
    run('set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/*'),
    meta('ENV GOSU_VERSION=1.17'),
    run('set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"'),
    run("set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales"),
    meta('ENV LANG=en_US.utf8'),
    run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/*'),
    run('mkdir /docker-entrypoint-initdb.d'),
    run("set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\""),
    meta(`ENV PG_MAJOR=${major}`),
    meta(`ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`),
    meta(`ENV PG_VERSION=${version}`),
    run('set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch="$(dpkg --print-architecture)"; \taptRepo="[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR"'),
    run("set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample"),
    run('install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql'),
    meta('ENV PGDATA=/var/lib/postgresql/data'),
    run('install --verbose --directory --owner postgres --group postgres --mode 1777 "$PGDATA"'),
    meta('VOLUME [/var/lib/postgresql/data]'),
    copy('docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/'),
    run('ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh'),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('STOPSIGNAL SIGINT'),
    meta('EXPOSE map[5432/tcp:{}]'),
    meta('CMD ["postgres"]'),
  ];
}

const REDIS_STEPS: Step[] = [
  ...BOOKWORM_SLIM_BASE,
  run('set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'),
  meta('ENV GOSU_VERSION=1.17'),
  run('set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*'),
  meta('ENV REDIS_VERSION=7.4.4'),
  meta('ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.4.tar.gz'),
  run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake'),
  run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \tmake -C /usr/src/redis -j "$(nproc)" all'),
  run('mkdir /data && chown redis:redis /data'),
  meta('VOLUME [/data]'),
  meta('WORKDIR /data'),
  copy('docker-entrypoint.sh /usr/local/bin/'),
  meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
  meta('EXPOSE map[6379/tcp:{}]'),
  meta('CMD ["redis-server"]'),
];

function nodeSteps(version: string, alpine: boolean): Step[] {
  return [
    ...(alpine ? alpineBase('3.21.3', 30) : buildpackDeps(3)),
    run(alpine ? 'addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node' : 'groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'),
    meta(`ENV NODE_VERSION=${version}`),
    run('ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     ppc64el) ARCH=\'ppc64le\';;     s390x) ARCH=\'s390x\';;     arm64) ARCH=\'arm64\';;     armhf) ARCH=\'armv7l\';;     i386) ARCH=\'x86\';;     *) echo "unsupported architecture"; exit 1 ;;   esac'),
    meta('ENV YARN_VERSION=1.22.22'),
    run('set -ex   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key"'),
    copy('docker-entrypoint.sh /usr/local/bin/'),
    meta('ENTRYPOINT ["docker-entrypoint.sh"]'),
    meta('CMD ["node"]'),
  ];
}

/** Steps of every Hub image, by image id; each image's layer steps match its layers one to one. */
const STEPS_BY_IMAGE = new Map<string, Step[]>();

function image(repository: string, tag: string): HubImage | undefined {
  return HUB_REPOSITORIES.find((candidate) => candidate.name === repository)?.tags[tag];
}

function define(repository: string, tag: string, steps: Step[]): void {
  const found = image(repository, tag);
  if (found) STEPS_BY_IMAGE.set(found.id, steps);
}

define('hello-world', 'latest', [copy('hello /'), { createdBy: 'CMD ["/hello"]' }]);
define('alpine', 'latest', alpineBase('3.22.0', 0));
define('alpine', '3.21', alpineBase('3.21.3', 0));
define('alpine', '3.20', alpineBase('3.20.6', 0));
define('busybox', 'latest', [copy('busybox.tar.xz /'), meta('CMD ["sh"]')]);
for (const [tag, version] of [
  ['latest', '24.04'],
  ['22.04', '22.04'],
]) {
  define('ubuntu', tag, [
    { createdBy: '/bin/sh -c #(nop)  ARG RELEASE', comment: '' },
    { createdBy: '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH', comment: '' },
    { createdBy: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu', comment: '' },
    { createdBy: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}`, comment: '' },
    { createdBy: `/bin/sh -c #(nop) ADD file:${version === '24.04' ? 'b0c5b3e6e4b7f2ab2b1f8e6c1d2a3f9e8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2' : '1a6f0c3b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8'} in / `, layer: true, comment: '' },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', comment: '' },
  ]);
}
define('debian', 'latest', [debianBase('bookworm', '1749513600', 0), meta('CMD ["bash"]')]);
define('nginx', 'latest', nginxSteps(false));
define('nginx', 'alpine', nginxSteps(true));
define('python', '3.9-slim', pythonSteps('3.9.23', 'E3FF2839C048B25C084DEBE9B26995E310250568', false));
define('python', '3.12-slim', pythonSteps('3.12.11', '7169605F62C751356D054A26A821E680E5FA6305', false));
define('python', 'latest', pythonSteps('3.12.11', '7169605F62C751356D054A26A821E680E5FA6305', true));
define('postgres', '16', postgresSteps('16', '16.9-1.pgdg120+1'));
define('postgres', '13', postgresSteps('13', '13.21-1.pgdg120+1'));
define('redis', 'latest', REDIS_STEPS);
define('node', '22', nodeSteps('22.16.0', false));
define('node', '20', nodeSteps('20.19.2', false));
define('node', '22-alpine', nodeSteps('22.16.0', true));

/**
 * Uncompressed bytes of layers that several images share, so that `docker system df` counts them once
 * and every image that holds them agrees on their size.
 */
const SHARED_LAYER_SIZES: Record<string, number> = {
  // debian:bookworm-slim's root file system
  'sha256:9d8d78576a12efdaf3374efb464f2ad4d9f8cbac508cf4846870cc68ad3c2a6a': 74_812_425,
  // debian:bookworm and buildpack-deps:bookworm's three layers
  'sha256:f214374f62560c9f6c386fac67ffffc2abe6a2ab3560806457d862f44083f98c': 116_536_742,
  'sha256:717c46d969532d3b15d0bcbe32cd5b808cb8b328827d3995fa1b9c699cd1df36': 52_996_210,
  'sha256:ee4de29c32e6328f6e81e3e866bce6ef26d9f2a3fc6e3786000e30d6309eb8cb': 196_843_104,
  'sha256:67304904e9abce40d670ab703b42d8bda8717f25022ef2ace1b6eaab9332ed72': 589_112_987,
  // alpine minirootfs
  'sha256:5fbf1a372d159d9b27d32d9432d85f4b1a36e945bfdd2622654418cae54cc144': 7_833_421,
};

/**
 * Uncompressed size of each of the image's layers, base first, summing to the image's size: shared
 * layers have their fixed size; the others share the rest in proportion to their compressed size.
 */
export function hubLayerSizes(hubImage: HubImage): number[] {
  const known = hubImage.layers.map((layer) => SHARED_LAYER_SIZES[layer.digest]);
  const fixedTotal = known.reduce<number>((sum, size) => sum + (size ?? 0), 0);
  const free = hubImage.layers.map((layer, index) => (known[index] === undefined ? layer.size : 0));
  const freeTotal = free.reduce((sum, size) => sum + size, 0);
  const rest = hubImage.size - fixedTotal;
  const sizes = hubImage.layers.map((_, index) => known[index] ?? Math.floor((rest * free[index]) / Math.max(freeTotal, 1)));
  if (freeTotal > 0) {
    // Rounding leftovers go to the largest free layer, so the sum is exact.
    const largest = free.indexOf(Math.max(...free));
    sizes[largest] += hubImage.size - sizes.reduce((sum, size) => sum + size, 0);
  } else if (sizes.length > 0) {
    sizes[sizes.length - 1] += hubImage.size - sizes.reduce((sum, size) => sum + size, 0);
  }
  return sizes;
}

const DAY = 24 * 60 * 60 * 1000;

/** `docker history` for a Hub image, base first; undefined for an image the Hub does not have. */
export function hubHistory(imageId: string): ImageHistoryEntry[] | undefined {
  const hubImage = HUB_REPOSITORIES.flatMap((repository) => Object.values(repository.tags)).find((candidate) => candidate.id === imageId);
  const steps = STEPS_BY_IMAGE.get(imageId);
  if (!hubImage || !steps) return undefined;
  const sizes = hubLayerSizes(hubImage);
  let layer = 0;
  return steps.map((step) => {
    const size = step.layer ? (sizes[layer++] ?? 0) : 0;
    const created = step.baseDaysBefore !== undefined ? hubImage.created - step.baseDaysBefore * DAY - 3_217_000 : hubImage.created;
    return { created, createdBy: step.createdBy, size, comment: step.comment ?? BUILDKIT, emptyLayer: !step.layer };
  });
}
