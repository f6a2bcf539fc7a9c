// Docker Hub as the simulator knows it: images, tags and layers. Ids and digests are made up but fixed.

import type { HubImage, HubLayer, HubRepository } from './hub-types.ts';

/** Compressed layer blobs; base layers are shared between images, as on the real Hub. */
const LAYERS = {
  "debian-bookworm-slim": { id: '9d8d78576a12', digest: 'sha256:9d8d78576a12efdaf3374efb464f2ad4d9f8cbac508cf4846870cc68ad3c2a6a', size: 28227259 },
  "debian-bookworm": { id: 'f214374f6256', digest: 'sha256:f214374f62560c9f6c386fac67ffffc2abe6a2ab3560806457d862f44083f98c', size: 48494272 },
  "buildpack-deps-curl": { id: '717c46d96953', digest: 'sha256:717c46d969532d3b15d0bcbe32cd5b808cb8b328827d3995fa1b9c699cd1df36', size: 24058431 },
  "buildpack-deps-scm": { id: 'ee4de29c32e6', digest: 'sha256:ee4de29c32e6328f6e81e3e866bce6ef26d9f2a3fc6e3786000e30d6309eb8cb', size: 64393011 },
  "buildpack-deps-full": { id: '67304904e9ab', digest: 'sha256:67304904e9abce40d670ab703b42d8bda8717f25022ef2ace1b6eaab9332ed72', size: 211336621 },
  "alpine-3.22": { id: '8178ad4896a9', digest: 'sha256:8178ad4896a9164e9ac8d14bac21bb7e8b71c011a3927a5f0cad5247e1b49ea7', size: 3799369 },
  "alpine-3.21": { id: '5fbf1a372d15', digest: 'sha256:5fbf1a372d159d9b27d32d9432d85f4b1a36e945bfdd2622654418cae54cc144', size: 3642246 },
  "alpine-3.20": { id: '7aff72ff6979', digest: 'sha256:7aff72ff6979e7fbfdd00ba6520441e6fcb105ca8795008370c8cb54044c689a', size: 3626511 },
  "hello-world/1": { id: 'a180fbdd7fb2', digest: 'sha256:a180fbdd7fb2e303e9d5fcf8cdcbbd5bb63e8c811e697dad6623e12073a3aaad', size: 3708 },
  "nginx-1.27/1": { id: '0440e3d30a21', digest: 'sha256:0440e3d30a219dfaf50717bf9c5f0ad55b0d87d961d440b8f0d2e98982923990', size: 41390513 },
  "nginx-1.27/2": { id: '1058116a6e8a', digest: 'sha256:1058116a6e8a2ee1be4ec0d3d25ec2efeabcb568fa90dd6720daa41b4d2e6341', size: 628 },
  "nginx-1.27/3": { id: '6c3635f1c9a8', digest: 'sha256:6c3635f1c9a8a031b2a4383fab7d865ec3f51631a85e29add2460dc9c648845f', size: 956 },
  "nginx-1.27/4": { id: '71935e977dc2', digest: 'sha256:71935e977dc2c4926c38c1c1f8bd871762c2cba102baa50c81f7bd84ff2f48e2', size: 404 },
  "nginx-1.27/5": { id: '9f1662f2e1f9', digest: 'sha256:9f1662f2e1f9668e7978692a299dc580c05428ec0d9fed8e2d2ef2ffc72cb32b', size: 1210 },
  "nginx-1.27/6": { id: 'bc23b8adb85a', digest: 'sha256:bc23b8adb85adf1ad9248b8c348132ab73f47c1d4f5a11da788f5d30b2082e07', size: 1402 },
  "nginx-1.27-alpine/1": { id: '85a8731a426d', digest: 'sha256:85a8731a426da4414f2a21cef8c392a4b7f31fcd17b820e9de34dd53f666b16a', size: 1791236 },
  "nginx-1.27-alpine/2": { id: '179d8db678ed', digest: 'sha256:179d8db678ed8af9fb1c698188e95029aba3417e7b74d821bab32d99a171812d', size: 628 },
  "nginx-1.27-alpine/3": { id: 'b360979f1a8c', digest: 'sha256:b360979f1a8c039501733dcd2a27380e750a3688189d31ab9394549cd1971817', size: 955 },
  "nginx-1.27-alpine/4": { id: 'ea26c9eb3bf5', digest: 'sha256:ea26c9eb3bf50d1247c53ab5904c7512ffb2a2533ff7c9018c413b2c965b60dd', size: 405 },
  "nginx-1.27-alpine/5": { id: '3a35ea800a20', digest: 'sha256:3a35ea800a2023744083665b47bbb2a6226e85668bcf3c62886bd1a4cf1c50c6', size: 1208 },
  "nginx-1.27-alpine/6": { id: '42cf818c1949', digest: 'sha256:42cf818c1949bed0eb4fffa5fe9cf4fc4075acd84257b3623510eb319d1ee3d3', size: 1400 },
  "nginx-1.27-alpine/7": { id: '7e6825cb3d81', digest: 'sha256:7e6825cb3d81698ff22ddd02fc9526fbda85ecd1c70507174f8e840dca9b95d1', size: 16128920 },
  "busybox/1": { id: '27fd1f08fac9', digest: 'sha256:27fd1f08fac9db5930bde86dce1b8a551562b002e3cb67010961207e65c41223', size: 2154932 },
  "ubuntu-24.04/1": { id: 'fed3583ed1a2', digest: 'sha256:fed3583ed1a22465763b8da88d8dda2d1fa9603f5c1692ffe5921d7420b3f0ef', size: 29723147 },
  "ubuntu-22.04/1": { id: '1e4304c34d88', digest: 'sha256:1e4304c34d8830d4610b7d5293db20dadb286dd1c3e24ee01be65e73cdab4222', size: 29536869 },
  "python-3.9-slim/1": { id: '6004847be9f6', digest: 'sha256:6004847be9f6231082f92696ae77f09f7aaf4c5f9f3e30e8d7a6c8035277ba2c', size: 3511845 },
  "python-3.9-slim/2": { id: '175ccfafd505', digest: 'sha256:175ccfafd5056b7c4eabbc368cdac8fdb19458d4727474b00cd1d8622b7e3ea4', size: 14929051 },
  "python-3.9-slim/3": { id: 'd11bf79b2eca', digest: 'sha256:d11bf79b2ecaa05bb53e40972a0fac1a4cf1d8f7ed43182b4575bb9aa63411df', size: 249 },
  "python-3.12-slim/1": { id: '33bdb26e7196', digest: 'sha256:33bdb26e7196771aba2577c124959b5b993096b1bfe5903554b225a6adf3b527', size: 3320123 },
  "python-3.12-slim/2": { id: '2e809fdb229d', digest: 'sha256:2e809fdb229dd59ac14e2adaacfab67f801f3fdd53c4d0b49cfc3d8cef546906', size: 12583490 },
  "python-3.12-slim/3": { id: 'db9604d7ca59', digest: 'sha256:db9604d7ca59b8c5b9c6ef6cd9ad1d7bf5a37482b7a169cfa5703238b201a2da', size: 250 },
  "python-3.12/1": { id: 'fb9e28d277f7', digest: 'sha256:fb9e28d277f72e2c6115fdcb1f304f42d9e473d835a20d81fe6c4ae13cb71f6e', size: 6160390 },
  "python-3.12/2": { id: '2bf28b973b5b', digest: 'sha256:2bf28b973b5b17e474f013b7c9685d5c66e050649c9f3c1ba7326b8e02098d69', size: 25932611 },
  "python-3.12/3": { id: '1faeb6d100b1', digest: 'sha256:1faeb6d100b1fbca7b82faf625db548e14468b297b77c4b398a9f9111e28bdc6', size: 250 },
  "postgres-common/1": { id: '69f53736d05e', digest: 'sha256:69f53736d05e708a7ef99f7bc20670d43c6079d49fc902d355e28ad44e8c3674', size: 1080 },
  "postgres-common/2": { id: '2b63b8709ac6', digest: 'sha256:2b63b8709ac628d771c5afbf4191f7b47f81bc1df763576ddb14ab3508f10f59', size: 3918219 },
  "postgres-common/3": { id: '749b33c8f296', digest: 'sha256:749b33c8f296c77eb83549ccee0ff73a4c84d8e8c9eacc81e86506b77f772f92', size: 1448563 },
  "postgres-common/4": { id: 'bc44c2be74b5', digest: 'sha256:bc44c2be74b5d38f1e996fcaf7628668b454c739704c64bdc25cdedf684cfc21', size: 8065211 },
  "postgres-common/5": { id: '539d9d9ba521', digest: 'sha256:539d9d9ba52153c774f2d9d1dfd430d9392dfdd95efe6966b1f8b177c7d30a8e', size: 1205320 },
  "postgres-common/6": { id: '1e41f5d339e8', digest: 'sha256:1e41f5d339e835175dad2654dddcd03b5ebe39304f810370889165e31f252cd3', size: 116 },
  "postgres-common/7": { id: '2ba417fa73d9', digest: 'sha256:2ba417fa73d9e2bb918ad8ee378ad7bd9ec212a71f2dbd229e66ea1753fc093d', size: 3143 },
  "postgres-13/1": { id: '1dfed1a6e1ea', digest: 'sha256:1dfed1a6e1eafa3fa3aea4fea9cd0e0a9f7489d7b7677c82073e2dfd96282f6b', size: 95830117 },
  "postgres-13/2": { id: '75c8e7c3a679', digest: 'sha256:75c8e7c3a6794c3b0846270a7c455eb276e36785878af7fcd65c25c045a2ebab', size: 9580 },
  "postgres-13/3": { id: 'bee9c991fd93', digest: 'sha256:bee9c991fd937da60b7da47b5b8c3c0bcd8fb74d20d1f316ba1b1aa1d888dc51', size: 129 },
  "postgres-13/4": { id: '58ed3fc444d0', digest: 'sha256:58ed3fc444d0549e338ed55b6b91799ebf1b3abef9a0115593748a1dd4a88177', size: 169 },
  "postgres-13/5": { id: 'ca511fb777ae', digest: 'sha256:ca511fb777ae47c1d6739baf0cca70aa6b37e9e4f4eff1dd922e40110333b197', size: 5421 },
  "postgres-13/6": { id: 'd31ed593faa5', digest: 'sha256:d31ed593faa59af89893c83b40089c1b16742615d2dd69d46766b3c4bd2c946d', size: 184 },
  "postgres-16/1": { id: '87266d51aefe', digest: 'sha256:87266d51aefe9e6589597d667fc55fc012dd3b7485b9b7df5fa9d6da3ef32b82', size: 103219882 },
  "postgres-16/2": { id: '6e47e25b0970', digest: 'sha256:6e47e25b0970b47a3141986d62581d02b445120e2b72fb5cfbca3edfe8e5f3c4', size: 9581 },
  "postgres-16/3": { id: '6e214c5b8f8a', digest: 'sha256:6e214c5b8f8aa846bca530710904ec0870c90e09e64a9b3bafec50314d9482a2', size: 129 },
  "postgres-16/4": { id: '1fb93f81c931', digest: 'sha256:1fb93f81c931312142d80eae7b52df997a649a3645618cfeea0f45c470926ab6', size: 169 },
  "postgres-16/5": { id: '0bd24a048076', digest: 'sha256:0bd24a0480761cb2eb97bcead7f9c30eb35ac4c0c8cdb9db7db7a81317bb3a03', size: 5421 },
  "postgres-16/6": { id: '57059a81f2f8', digest: 'sha256:57059a81f2f87b2b7927a148502db5a2819f9f72731054788da995675276ddaf', size: 184 },
  "redis-7/1": { id: '14c0c74369a6', digest: 'sha256:14c0c74369a67d7dbf32a2c77e8dd03fb4f9901af8f182a4c05b20ebc81393c8', size: 1105 },
  "redis-7/2": { id: '9ffabf50e7b9', digest: 'sha256:9ffabf50e7b98f9b7fd8ebab15b686f862b2847378f47b827bda05ad7691c1d2', size: 862112 },
  "redis-7/3": { id: '4e1b017d960e', digest: 'sha256:4e1b017d960e25033b9d6175107100e523df9b6ab6d5700ee3fe340da6eb5b6d', size: 1254 },
  "redis-7/4": { id: '9a8e807a3bd4', digest: 'sha256:9a8e807a3bd4208bb39c9bf8721e7ebeee8b6c139af8a3d80cadefccc3eacc58', size: 10248332 },
  "redis-7/5": { id: '60d45617ebca', digest: 'sha256:60d45617ebca8e16345ebf3e7b357d2517b9d6722445fd76050ab57badb9e8a0', size: 98 },
  "redis-7/6": { id: '12a0d75ce4ab', digest: 'sha256:12a0d75ce4abbdd75bc726ac1a4c4e3de564cc69bacb7dc101da2d764af5344d', size: 571 },
  "node-22/1": { id: 'ea8052ec531a', digest: 'sha256:ea8052ec531ae3f489264bb22cec4a75bad05c9609588020d05ea683c123c38b', size: 3318 },
  "node-22/2": { id: '620db7106e41', digest: 'sha256:620db7106e41c265b4c91bf0269919647c7e15e6beb7db3791f5cbcb8eb8b3e5', size: 56370120 },
  "node-22/3": { id: 'b18733888725', digest: 'sha256:b187338887252e153c63ea6d03ea7065b7b7965307aa613881e7fb7b003b80a5', size: 1249211 },
  "node-22/4": { id: 'd7ea335b7890', digest: 'sha256:d7ea335b78904eee9975e0df2d7ddc8def8dafa90d4cb62e731cc266fb14b277', size: 449 },
  "node-20/1": { id: 'e76966fd336b', digest: 'sha256:e76966fd336b3840c0c389741166680415dcad93b900d0f55c044772ec06ef36', size: 3319 },
  "node-20/2": { id: 'e301375226d9', digest: 'sha256:e301375226d9c3e7325d2e8c2fb8b1e571531cfb629329dcc7639e7bdf6f5eb9', size: 48911021 },
  "node-20/3": { id: 'e219885f740b', digest: 'sha256:e219885f740b3428304d7b5822ab82b2a6a8092f92c483091e68ada663b8ed4a', size: 1249302 },
  "node-20/4": { id: '538e67c4d2d0', digest: 'sha256:538e67c4d2d006379b2c1991135d81c1acb3412372a9f6b2df10f522b58c2b4d', size: 451 },
  "node-22-alpine/1": { id: '5b03ca123622', digest: 'sha256:5b03ca12362289cbf9b8f6ba57a3ede3c3d6f1e8fe5ae63cd487c266b8382504', size: 3318 },
  "node-22-alpine/2": { id: 'c79b799c79fe', digest: 'sha256:c79b799c79fe5fb4f803754b11c9965770a3f24eaa60fc28090260d1fc3573a3', size: 51233011 },
  "node-22-alpine/3": { id: '42e34a93390d', digest: 'sha256:42e34a93390d711504a9e048f6a016391c9cbbbd3bd175c450059b273778cd2f', size: 1262114 },
  "node-22-alpine/4": { id: '55185061ff35', digest: 'sha256:55185061ff35f8bc1daf2a79b88f81bd14dad5fa318735e72a0d502c3f46b49d', size: 446 },
} satisfies Record<string, HubLayer>;

const HELLO_WORLD_LINUX: HubImage = {
  id: 'sha256:8ade6f19d655bce3e7d0ad5b764a5aa14ddb2a59bcf6914ffa1f358bd47b2e1e',
  digest: 'sha256:2e5171acac044dd2994a290c24bd4bcfae80d3d2c17ade529031e6e33a49ff94',
  created: Date.parse('2025-01-21T23:32:32Z'),
  size: 10072,
  layers: [LAYERS["hello-world/1"]],
  config: {"cmd":["/hello"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"/","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"hello-world"},
};

const NGINX_1_27: HubImage = {
  id: 'sha256:0e5b45791d370e4d2aba88932ca99503fbb6f8bba3fc464484123a04dcd8b447',
  digest: 'sha256:a5e30ca9122d9bec8e95c197ed3522c2e60d8752d6f289b2ebf814433093f608',
  created: Date.parse('2025-04-16T03:52:38Z'),
  size: 192004762,
  layers: [LAYERS["debian-bookworm-slim"], LAYERS["nginx-1.27/1"], LAYERS["nginx-1.27/2"], LAYERS["nginx-1.27/3"], LAYERS["nginx-1.27/4"], LAYERS["nginx-1.27/5"], LAYERS["nginx-1.27/6"]],
  config: {"cmd":["nginx","-g","daemon off;"],"entrypoint":["/docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NGINX_VERSION=1.27.5","NJS_VERSION=0.8.10","NJS_RELEASE=1~bookworm","PKG_RELEASE=1~bookworm","DYNPKG_RELEASE=1~bookworm"],"workingDir":"","exposedPorts":["80/tcp"],"user":"","volumes":[],"labels":{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"},"stopSignal":"SIGQUIT","program":"nginx"},
};

const NGINX_1_27_ALPINE: HubImage = {
  id: 'sha256:546206e61230bb20bf6e31cce87714e9dd6663371adee51c3cad4f08e6a74740',
  digest: 'sha256:fa48629975ea512786921c63940397afbd80c9738e1c7edae8d75850805643e5',
  created: Date.parse('2025-04-16T18:22:04Z'),
  size: 47938553,
  layers: [LAYERS["alpine-3.21"], LAYERS["nginx-1.27-alpine/1"], LAYERS["nginx-1.27-alpine/2"], LAYERS["nginx-1.27-alpine/3"], LAYERS["nginx-1.27-alpine/4"], LAYERS["nginx-1.27-alpine/5"], LAYERS["nginx-1.27-alpine/6"], LAYERS["nginx-1.27-alpine/7"]],
  config: {"cmd":["nginx","-g","daemon off;"],"entrypoint":["/docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NGINX_VERSION=1.27.5","PKG_RELEASE=1","DYNPKG_RELEASE=1","NJS_VERSION=0.8.10","NJS_RELEASE=1"],"workingDir":"","exposedPorts":["80/tcp"],"user":"","volumes":[],"labels":{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"},"stopSignal":"SIGQUIT","program":"nginx"},
};

const ALPINE_3_22: HubImage = {
  id: 'sha256:4f72a3099875d49e25696a0f9b2cefd60c287753796c68cd38c010ce111cdf24',
  digest: 'sha256:9e594bc50d7c3e8bddf163968c6db4c329f57f1847a85f2384b2aaed82c71eb5',
  created: Date.parse('2025-05-30T17:14:25Z'),
  size: 8309120,
  layers: [LAYERS["alpine-3.22"]],
  config: {"cmd":["/bin/sh"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"/","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"shell"},
};

const ALPINE_3_21: HubImage = {
  id: 'sha256:54a98b2fc04e5874b0b521180fe131ac1448a4f3589ba8100233dedf9db6d393',
  digest: 'sha256:d60fa96fe1880944adafd5bc33912394149027e8cc409df4cf54413a561cbd53',
  created: Date.parse('2025-02-14T03:28:36Z'),
  size: 7833421,
  layers: [LAYERS["alpine-3.21"]],
  config: {"cmd":["/bin/sh"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"/","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"shell"},
};

const ALPINE_3_20: HubImage = {
  id: 'sha256:9b4e86168725c7b2707e6ac4fa6aeef8bb74b5f2b94d37434afcf052bf3d309f',
  digest: 'sha256:631b1bef656550709baa6e0e4ea8eee98f8b9473c871b225dbff00b7e38950c7',
  created: Date.parse('2025-02-14T03:28:38Z'),
  size: 7797760,
  layers: [LAYERS["alpine-3.20"]],
  config: {"cmd":["/bin/sh"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"/","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"shell"},
};

const BUSYBOX_1_37: HubImage = {
  id: 'sha256:df9d501ee7828ef562aee4e94616133e44f16b777da56c28dce216cafca7927a',
  digest: 'sha256:a1ae6846eaa991922273b39ee41552910f459fd5c26ba26541dc9ef14c29857b',
  created: Date.parse('2024-09-26T21:31:42Z'),
  size: 4277910,
  layers: [LAYERS["busybox/1"]],
  config: {"cmd":["sh"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"shell"},
};

const UBUNTU_24_04: HubImage = {
  id: 'sha256:8159f7e4fbda4fb868c452dbcd4f7c028641352f0def200569b5790b862348d6',
  digest: 'sha256:11b97f435752a2734554e8de9b3ca41f523ac280bd199f894971313109da6034',
  created: Date.parse('2025-05-29T04:21:15Z'),
  size: 78118264,
  layers: [LAYERS["ubuntu-24.04/1"]],
  config: {"cmd":["/bin/bash"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{"org.opencontainers.image.ref.name":"ubuntu","org.opencontainers.image.version":"24.04"},"stopSignal":null,"program":"shell"},
};

const UBUNTU_22_04: HubImage = {
  id: 'sha256:7598162dc262562b366b5e4d9c33cfa154e5923c72555f3e030a52cd02a04644',
  digest: 'sha256:1a778d40485163af052e5b815cbf67fb291f8e8bf0c00f1f120abcb2a98d73dd',
  created: Date.parse('2025-05-29T04:20:49Z'),
  size: 77863541,
  layers: [LAYERS["ubuntu-22.04/1"]],
  config: {"cmd":["/bin/bash"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{"org.opencontainers.image.ref.name":"ubuntu","org.opencontainers.image.version":"22.04"},"stopSignal":null,"program":"shell"},
};

const DEBIAN_BOOKWORM: HubImage = {
  id: 'sha256:477aed3d7c8fca9e3cbe21eba12dac0ed9db4ff77287b557a5a21946723802cb',
  digest: 'sha256:e96ef19f8d82d6451e66e79862eb52134c7f16d78c8f90617a017e8dd53245c3',
  created: Date.parse('2025-06-10T00:00:00Z'),
  size: 116536742,
  layers: [LAYERS["debian-bookworm"]],
  config: {"cmd":["bash"],"entrypoint":null,"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"shell"},
};

const PYTHON_3_9_SLIM: HubImage = {
  id: 'sha256:cb6a614772f5c1c326d94441e32258d90c926033827978c5703ef137b60241a0',
  digest: 'sha256:11b0319724a3d6aa49fd20194775a7b97f180e7d38c518a735d1597b1c474804',
  created: Date.parse('2025-06-04T01:36:22Z'),
  size: 125976318,
  layers: [LAYERS["debian-bookworm-slim"], LAYERS["python-3.9-slim/1"], LAYERS["python-3.9-slim/2"], LAYERS["python-3.9-slim/3"]],
  config: {"cmd":["python3"],"entrypoint":null,"env":["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","GPG_KEY=E3FF2839C048B25C084DEBE9B26995E310250568","PYTHON_VERSION=3.9.23"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"python"},
};

const PYTHON_3_12_SLIM: HubImage = {
  id: 'sha256:2ae410bcbcdc1e1058581057881003cec030b62cdcf803c90f1a2358c019e1c7',
  digest: 'sha256:18a664064ce1d7ed787a896458f937c5ce4c50b340c09408a928ab5cb9b78723',
  created: Date.parse('2025-06-04T01:37:10Z'),
  size: 124372912,
  layers: [LAYERS["debian-bookworm-slim"], LAYERS["python-3.12-slim/1"], LAYERS["python-3.12-slim/2"], LAYERS["python-3.12-slim/3"]],
  config: {"cmd":["python3"],"entrypoint":null,"env":["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305","PYTHON_VERSION=3.12.11"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"python"},
};

const PYTHON_3_12: HubImage = {
  id: 'sha256:54dc45ea7aefe69598841d57155cfc6396f6607a42cc05ecfcf195ac9c6f6f8b',
  digest: 'sha256:614be1b3cac6f5fec95d99996178671cc7ed16b0e172297b2c6942e0140fe3cb',
  created: Date.parse('2025-06-04T01:40:51Z'),
  size: 1018693554,
  layers: [LAYERS["debian-bookworm"], LAYERS["buildpack-deps-curl"], LAYERS["buildpack-deps-scm"], LAYERS["buildpack-deps-full"], LAYERS["python-3.12/1"], LAYERS["python-3.12/2"], LAYERS["python-3.12/3"]],
  config: {"cmd":["python3"],"entrypoint":null,"env":["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305","PYTHON_VERSION=3.12.11"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"python"},
};

const POSTGRES_13: HubImage = {
  id: 'sha256:1ae48b1325bcb989a8259360b0fb3cf27db1855919183f21ad44ce2c4d0a5655',
  digest: 'sha256:adc299322eae642b7dd9113f6c9402e4a9982bb595fa756b32d837a21fc2f09c',
  created: Date.parse('2025-05-13T19:49:08Z'),
  size: 419309104,
  layers: [LAYERS["debian-bookworm-slim"], LAYERS["postgres-common/1"], LAYERS["postgres-common/2"], LAYERS["postgres-common/3"], LAYERS["postgres-common/4"], LAYERS["postgres-common/5"], LAYERS["postgres-common/6"], LAYERS["postgres-common/7"], LAYERS["postgres-13/1"], LAYERS["postgres-13/2"], LAYERS["postgres-13/3"], LAYERS["postgres-13/4"], LAYERS["postgres-13/5"], LAYERS["postgres-13/6"]],
  config: {"cmd":["postgres"],"entrypoint":["docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/13/bin","GOSU_VERSION=1.17","LANG=en_US.utf8","PG_MAJOR=13","PG_VERSION=13.21-1.pgdg120+1","PGDATA=/var/lib/postgresql/data"],"workingDir":"","exposedPorts":["5432/tcp"],"user":"","volumes":["/var/lib/postgresql/data"],"labels":{},"stopSignal":"SIGINT","program":"postgres"},
};

const POSTGRES_16: HubImage = {
  id: 'sha256:131fb0d96aa0b7629869dcc5f24fc1ca87b86f6f0c1bafdb491a02effe4b5036',
  digest: 'sha256:f034f98aea1af16d21d66e5cc7e1e28be09f8161282af82e18b21f3d449195d6',
  created: Date.parse('2025-05-13T19:50:31Z'),
  size: 438433270,
  layers: [LAYERS["debian-bookworm-slim"], LAYERS["postgres-common/1"], LAYERS["postgres-common/2"], LAYERS["postgres-common/3"], LAYERS["postgres-common/4"], LAYERS["postgres-common/5"], LAYERS["postgres-common/6"], LAYERS["postgres-common/7"], LAYERS["postgres-16/1"], LAYERS["postgres-16/2"], LAYERS["postgres-16/3"], LAYERS["postgres-16/4"], LAYERS["postgres-16/5"], LAYERS["postgres-16/6"]],
  config: {"cmd":["postgres"],"entrypoint":["docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin","GOSU_VERSION=1.17","LANG=en_US.utf8","PG_MAJOR=16","PG_VERSION=16.9-1.pgdg120+1","PGDATA=/var/lib/postgresql/data"],"workingDir":"","exposedPorts":["5432/tcp"],"user":"","volumes":["/var/lib/postgresql/data"],"labels":{},"stopSignal":"SIGINT","program":"postgres"},
};

const REDIS_7: HubImage = {
  id: 'sha256:e9e91e8e2b1549092992035a05922c75296b24f9c241c5215a0ba19daaae44a4',
  digest: 'sha256:919315552214f05ca7d192f953ea33181df119406f1f89f440a7426c224b9945',
  created: Date.parse('2025-05-27T22:18:40Z'),
  size: 117257480,
  layers: [LAYERS["debian-bookworm-slim"], LAYERS["redis-7/1"], LAYERS["redis-7/2"], LAYERS["redis-7/3"], LAYERS["redis-7/4"], LAYERS["redis-7/5"], LAYERS["redis-7/6"]],
  config: {"cmd":["redis-server"],"entrypoint":["docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","REDIS_VERSION=7.4.4"],"workingDir":"/data","exposedPorts":["6379/tcp"],"user":"","volumes":["/data"],"labels":{},"stopSignal":null,"program":"redis"},
};

const NODE_22: HubImage = {
  id: 'sha256:45551d8b5d8f8ade366d669bd9a153a49179f9af03edaabcf264ada7dde7f941',
  digest: 'sha256:86f87509ebdb97db1d2ea37b178828de89b46f74e1e9775afbda47226fcb10b5',
  created: Date.parse('2025-05-22T02:11:37Z'),
  size: 1124533870,
  layers: [LAYERS["debian-bookworm"], LAYERS["buildpack-deps-curl"], LAYERS["buildpack-deps-scm"], LAYERS["buildpack-deps-full"], LAYERS["node-22/1"], LAYERS["node-22/2"], LAYERS["node-22/3"], LAYERS["node-22/4"]],
  config: {"cmd":["node"],"entrypoint":["docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NODE_VERSION=22.16.0","YARN_VERSION=1.22.22"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"node"},
};

const NODE_20: HubImage = {
  id: 'sha256:d669355cf1eb94838e7da5794fe661d08ea39fe5a6c6cf6e66d170e45c24d311',
  digest: 'sha256:bcbf79d418086ac89e529004c460b8c0738edd162f09872b3ec5c39924a10f12',
  created: Date.parse('2025-05-22T02:14:02Z'),
  size: 1104892317,
  layers: [LAYERS["debian-bookworm"], LAYERS["buildpack-deps-curl"], LAYERS["buildpack-deps-scm"], LAYERS["buildpack-deps-full"], LAYERS["node-20/1"], LAYERS["node-20/2"], LAYERS["node-20/3"], LAYERS["node-20/4"]],
  config: {"cmd":["node"],"entrypoint":["docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NODE_VERSION=20.19.2","YARN_VERSION=1.22.22"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"node"},
};

const NODE_22_ALPINE: HubImage = {
  id: 'sha256:f8cca2a27b7b2ddd1d69cd6eb0308c67ca1a4a5a2d4e9a1839f298480252b5ea',
  digest: 'sha256:0508489c34dbe5b60c91cc40f2e814132b5bffca2e356899ef30817f5f25b01e',
  created: Date.parse('2025-05-22T02:30:55Z'),
  size: 159640113,
  layers: [LAYERS["alpine-3.21"], LAYERS["node-22-alpine/1"], LAYERS["node-22-alpine/2"], LAYERS["node-22-alpine/3"], LAYERS["node-22-alpine/4"]],
  config: {"cmd":["node"],"entrypoint":["docker-entrypoint.sh"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NODE_VERSION=22.16.0","YARN_VERSION=1.22.22"],"workingDir":"","exposedPorts":[],"user":"","volumes":[],"labels":{},"stopSignal":null,"program":"node"},
};

const searchOnly = (name: string, description: string, stars: number): HubRepository => ({
  name,
  description,
  stars,
  official: false,
  tags: {},
});

/** Every repository the simulated Hub knows, official images first. */
export const HUB_REPOSITORIES: HubRepository[] = [
  {
    name: 'hello-world',
    description: 'Hello World! (an example of minimal Dockerization)',
    stars: 2412,
    official: true,
    tags: { latest: HELLO_WORLD_LINUX, linux: HELLO_WORLD_LINUX },
  },
  {
    name: 'nginx',
    description: 'Official build of Nginx.',
    stars: 20976,
    official: true,
    tags: {
      latest: NGINX_1_27,
      '1.27': NGINX_1_27,
      '1.27.5': NGINX_1_27,
      alpine: NGINX_1_27_ALPINE,
      '1.27-alpine': NGINX_1_27_ALPINE,
    },
  },
  {
    name: 'alpine',
    description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
    stars: 11302,
    official: true,
    tags: { latest: ALPINE_3_22, '3.22': ALPINE_3_22, '3.21': ALPINE_3_21, '3.20': ALPINE_3_20 },
  },
  {
    name: 'busybox',
    description: 'Busybox base image.',
    stars: 3468,
    official: true,
    tags: { latest: BUSYBOX_1_37, '1.37': BUSYBOX_1_37 },
  },
  {
    name: 'ubuntu',
    description: 'Ubuntu is a Debian-based Linux operating system based on free software.',
    stars: 17712,
    official: true,
    tags: { latest: UBUNTU_24_04, '24.04': UBUNTU_24_04, noble: UBUNTU_24_04, '22.04': UBUNTU_22_04, jammy: UBUNTU_22_04 },
  },
  {
    name: 'debian',
    description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
    stars: 5235,
    official: true,
    tags: { latest: DEBIAN_BOOKWORM, bookworm: DEBIAN_BOOKWORM, '12': DEBIAN_BOOKWORM },
  },
  {
    name: 'python',
    description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.',
    stars: 10012,
    official: true,
    tags: {
      latest: PYTHON_3_12,
      '3.12': PYTHON_3_12,
      '3.12-slim': PYTHON_3_12_SLIM,
      '3.9-slim': PYTHON_3_9_SLIM,
    },
  },
  {
    name: 'postgres',
    description: 'The PostgreSQL object-relational database system provides reliability and data integrity.',
    stars: 14104,
    official: true,
    tags: { latest: POSTGRES_16, '16': POSTGRES_16, '13': POSTGRES_13 },
  },
  {
    name: 'redis',
    description: 'Redis is an open source key-value store that functions as a data structure server.',
    stars: 13123,
    official: true,
    tags: { latest: REDIS_7, '7': REDIS_7, '7.4': REDIS_7 },
  },
  {
    name: 'node',
    description: 'Node.js is a JavaScript-based platform for server-side and networking applications.',
    stars: 13874,
    official: true,
    tags: { latest: NODE_22, '22': NODE_22, '20': NODE_20, '22-alpine': NODE_22_ALPINE },
  },
  {
    name: 'mysql',
    description: 'MySQL is a widely used, open-source relational database management system (RDBMS).',
    stars: 15817,
    official: true,
    tags: {},
  },
  { name: 'httpd', description: 'The Apache HTTP Server Project', stars: 4903, official: true, tags: {} },
  {
    name: 'mongo',
    description: 'MongoDB document databases provide high availability and easy scalability.',
    stars: 10532,
    official: true,
    tags: {},
  },
  searchOnly('nginx/nginx-ingress', 'NGINX and  NGINX Plus Ingress Controllers for Kubernetes', 110),
  searchOnly('nginxinc/nginx-unprivileged', 'Unprivileged NGINX Dockerfiles', 158),
  searchOnly('nginx/nginx-prometheus-exporter', 'NGINX Prometheus Exporter for NGINX and NGINX Plus', 52),
  searchOnly('bitnami/nginx', 'Bitnami container image for NGINX', 200),
  searchOnly('linuxserver/nginx', 'An Nginx container, brought to you by LinuxServer.io.', 229),
  searchOnly('ubuntu/nginx', 'Nginx, a high-performance reverse proxy & web server. Long-term tracked', 128),
  searchOnly('bitnami/redis', 'Bitnami container image for Redis', 286),
  searchOnly('redis/redis-stack', 'redis-stack installs a Redis server with additional database capabilities', 110),
  searchOnly('bitnami/postgresql', 'Bitnami container image for PostgreSQL', 293),
  searchOnly('ubuntu/postgres', 'PostgreSQL is an open source object-relational database. Long-term tracked', 41),
  searchOnly('bitnami/python', 'Bitnami container image for Python', 29),
  searchOnly('bitnami/node', 'Bitnami container image for Node.js', 79),
  searchOnly('alpine/git', 'A  simple git container running in alpine linux, especially for tiny linux distro.', 243),
  searchOnly('alpine/curl', '', 11),
];
