// Astro configuration for the Dockyard site: English at the root, Korean under /ko/, MDX lessons, sitemap.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  site: 'https://dockyard.example',
  trailingSlash: 'ignore',
  i18n: {
    locales: ['en', 'ko'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', ko: 'ko' } },
    }),
  ],
  vite: {
    build: {
      rolldownOptions: {
        output: {
          // The terminal's code comes in two chunks fetched side by side: xterm changes rarely and
          // stays cached while the engine changes with every release.
          codeSplitting: {
            groups: [
              { name: 'xterm', test: /node_modules[\\/]@xterm[\\/]/ },
              { name: 'engine', test: /src[\\/]engine[\\/]/ },
            ],
          },
        },
      },
    },
  },
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one by colour scheme.
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      wrap: false,
    },
  },
});
