import { describe, expect, it } from 'vitest';
import { extensionIdFromKey, extensionIdFromManifest } from '../../../src/cli/browser/extensionId.ts';
import { DEFAULT_EXTENSION_ID } from '../../../src/core/policy/deployment/deploymentTarget.ts';

describe('extension ID', () => {
  it('is what the manifest key gives, so exported policies target the extension that ships', () => {
    expect(extensionIdFromManifest('manifest.json')).toBe(DEFAULT_EXTENSION_ID);
  });

  it('maps SHA-256 hex digits of the key to a–p, as Chromium does', () => {
    const id = extensionIdFromKey(Buffer.from('any public key').toString('base64'));
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromKey(Buffer.from('another key').toString('base64'))).not.toBe(id);
  });
});
