import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, so a deployment that changes only our code leaves them cached:
        //  - react: React, React DOM, React Router, TanStack Query;
        //  - antd: the antd modules (with rc-*, icons, cssinjs and what they import) the entry needs statically — the
        //    providers and the login page ($initial). Components only lazy chunks use (the shell's, the pages') stay
        //    with those chunks.
        // Pages are split per route (lazy imports); see README "Bundle".
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
});
