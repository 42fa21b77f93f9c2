// Builds the IDE into static assets that the service embeds and serves under /graphql/ide/.
// The service writes the HTML page itself (Transport/Ide/), reading the entry's files from the
// manifest, so there is no index.html here; `base: './'` keeps every asset URL relative, which
// keeps the IDE working behind a reverse proxy that adds a path prefix.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: 'manifest.json',
    sourcemap: false,
    // Monaco (GraphiQL's editor) is large by nature; the service compresses it on the wire.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: 'src/main.jsx',
      onwarn(warning, warn) {
        // React libraries mark files "use client" for server-component bundlers; it means nothing here.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
