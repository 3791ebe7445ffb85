import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import writeCrx3 from 'crx3';
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, type CliCommand, type CliIO } from '../CliIO.ts';
import { extensionIdFromKey } from '../browser/extensionId.ts';
import { checkExtensionVersion } from '../../core/policy/deployment/checkExtensionVersion.ts';
import { checkUpdateUrl } from '../../core/policy/deployment/checkUpdateUrl.ts';
import { updateManifestXml } from '../../core/policy/deployment/updateManifest.ts';
import { parseOptions } from './parseOptions.ts';

export const USAGE = `Usage: package --key KEY.pem --update-url URL --out DIR [--crx-url URL] [--version VERSION]
  --key KEY.pem      the organization's RSA private key (PEM); make one with: openssl genrsa -out KEY.pem 2048
  --update-url URL   where browsers will fetch DIR/updates.xml (https; http only on loopback)
  --out DIR          writes DIR/extension/ (unpacked, same ID), DIR/connect-shield-<version>.crx, DIR/updates.xml
  --crx-url URL      where the .crx will be served (default: next to updates.xml)
  --version VERSION  the version to stamp (default: the manifest's); browsers install only a higher one,
                     so moving back is the old code with a higher version`;

const run_ = promisify(execFile);

/**
 * `package`: builds the production extension with the manifest `key` set to the public half of the
 * organization's key — so the packed extension, an unpacked copy and every exported policy name
 * one ID — signs it as CRX3 with that key, and writes the update manifest. Prints the ID.
 */
export const run: CliCommand = async (argv, io) => {
  const parsed = parseOptions(argv, { key: 'value', 'update-url': 'value', out: 'value', 'crx-url': 'value', version: 'value' });
  if (!parsed.ok) return usageError(parsed.message, io);
  if (parsed.positional.length > 0) return usageError(`Unexpected argument ${parsed.positional.join(' ')}.`, io);
  const keyPath = parsed.options.get('key');
  const updateUrl = parsed.options.get('update-url');
  const out = parsed.options.get('out');
  if (keyPath === undefined) return usageError('--key KEY.pem is required.', io);
  if (updateUrl === undefined) return usageError('--update-url URL is required.', io);
  if (out === undefined) return usageError('--out DIR is required.', io);
  const urlProblem = checkUpdateUrl(updateUrl);
  if (urlProblem !== undefined) return usageError(`--update-url: ${urlProblem}`, io);
  const versionOverride = parsed.options.get('version');
  const versionProblem = versionOverride === undefined ? undefined : checkExtensionVersion(versionOverride);
  if (versionProblem !== undefined) return usageError(`--version: ${versionProblem}`, io);

  let publicKeyBase64: string;
  const keyFile = resolve(io.cwd, keyPath);
  try {
    const privateKey = createPrivateKey(await readFile(keyFile));
    if (privateKey.asymmetricKeyType !== 'rsa')
      return usageError(`${keyPath} is not an RSA key; CRX3 packages are signed with RSA (openssl genrsa -out KEY.pem 2048).`, io);
    publicKeyBase64 = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return usageError(code === 'ENOENT' ? `Cannot read ${keyPath}: no such file.` : `${keyPath} is not a PEM private key.`, io);
  }
  const extensionId = extensionIdFromKey(publicKeyBase64);

  const directory = resolve(io.cwd, out);
  const extensionDir = join(directory, 'extension');
  await mkdir(directory, { recursive: true });
  await rm(extensionDir, { recursive: true, force: true });
  io.err(`building the production extension into ${join(out, 'extension')} …`);
  try {
    await run_(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', extensionDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: resolve('.'),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    io.err(`The build failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest['key'] = publicKeyBase64;
  if (versionOverride !== undefined) manifest['version'] = versionOverride;
  // Chrome checks for updates at the manifest's update_url; without one it asks the Chrome Web
  // Store, which does not know this ID, and a self-hosted extension would never update.
  manifest['update_url'] = updateUrl;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const version = String(manifest['version']);

  const crxName = `connect-shield-${version}.crx`;
  const crxPath = join(directory, crxName);
  io.err(`signing ${join(out, crxName)} …`);
  await writeCrx3(await filesUnder(extensionDir), { keyPath: keyFile, crxPath });
  const crxUrl = parsed.options.get('crx-url') ?? new URL(crxName, updateUrl).href;
  const minimum = typeof manifest['minimum_chrome_version'] === 'string' ? manifest['minimum_chrome_version'] : undefined;
  await writeFile(
    join(directory, 'updates.xml'),
    updateManifestXml({ id: extensionId, version, crxUrl, ...(minimum !== undefined ? { minimumBrowserVersion: minimum } : {}) }),
  );

  io.out(`extension id: ${extensionId}`);
  io.out(`wrote ${join(out, crxName)} (version ${version})`);
  io.out(`wrote ${join(out, 'updates.xml')} (serve it at ${updateUrl}; it points at ${crxUrl})`);
  io.out(`wrote ${join(out, 'extension')}/ (unpacked, same id)`);
  io.out(`next: policy export POLICY --browser chrome|edge --os windows|macos|linux --out DIR --extension-id ${extensionId} --update-url ${updateUrl}`);
  return EXIT_OK;
};

function usageError(message: string, io: CliIO): number {
  io.err(message);
  io.err(USAGE);
  return EXIT_INVALID;
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
