import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { crx } from '@crxjs/vite-plugin';
import { buildManifest } from './manifest.ts';
import { PHONE_METADATA_FILE } from './src/background/risk/loadPhoneMetadata.ts';
import maxMetadata from 'libphonenumber-js/max/metadata';

/** The phone metadata as a file the service worker fetches when caller risk first reads a number (loadPhoneMetadata.ts). */
const phoneMetadataFile = {
  name: 'connect-shield-phone-metadata',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
    this.emitFile({ type: 'asset', fileName: PHONE_METADATA_FILE, source: JSON.stringify(maxMetadata) });
  },
};

export default defineConfig({
  plugins: [react(), crx({ manifest: buildManifest() }), phoneMetadataFile],
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
