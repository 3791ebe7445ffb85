/** Who sends the audit feed: the resource attributes every exported log record carries. */
export interface AuditResource {
  /** The extension's ID (`chrome-extension://<id>`). */
  extensionId: string;
  /** The extension's version from the manifest. */
  version: string;
  /** A random ID made once per installation (this browser profile). */
  installationId: string;
  /** The approved Connect instance's origin, or null before a valid policy. */
  connectInstance: string | null;
  browser: {
    /** `navigator.userAgentData.brands`, e.g. `["Chromium 144", "Google Chrome 144"]`. */
    brands: string[];
    platform: string;
    language: string;
    userAgent: string;
  };
}

export const SERVICE_NAME = 'connect-shield';
export const SCOPE_NAME = 'connect-shield.audit';
