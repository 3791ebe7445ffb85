/** The part of `crx3` (https://github.com/ahwayakchih/crx3) the package command uses. */
declare module 'crx3' {
  interface Crx3Options {
    /** An existing RSA private key (PEM). crx3 would create one at this path if it were missing; the package command checks first. */
    keyPath: string;
    crxPath: string;
    zipPath?: string;
    xmlPath?: string;
  }
  export default function writeCRX3File(files: string[], options: Crx3Options): Promise<{ appId: string }>;
}
