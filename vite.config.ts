import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects an inline script (React refresh preamble) and talks over a websocket;
 * relax the CSP for `vite serve` only, so the built app keeps the strict policy of index.html.
 */
function devCsp(): Plugin {
  return {
    name: 'huike-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://127.0.0.1:*"),
  };
}

export default defineConfig({
  root: 'renderer',
  // Electron loads the build from file://, so every asset URL must be relative.
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
