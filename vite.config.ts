import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { crx } from '@crxjs/vite-plugin';
import { buildManifest } from './manifest.ts';

export default defineConfig({
  plugins: [react(), crx({ manifest: buildManifest() })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the shipped build: nothing extra for a reviewer to audit, and no
    // accidental publication of internal paths.
    sourcemap: false,
    rolldownOptions: {
      // Pages that the manifest does not name must be listed here, or crxjs leaves them out.
      input: {
        shell: 'src/shell/shell.html',
        microphone: 'src/mic/microphone.html',
        regexSafety: 'src/background/regexSafety/regexSafety.html',
      },
    },
  },
});
