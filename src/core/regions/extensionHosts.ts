import { CONNECT_REGIONS, INSTANCE_DOMAINS, participantServiceOrigin, type ConnectRegion, type InstanceDomain } from './connectRegions.ts';

/**
 * What the manifest must name for the Connect Regions, made from the one region list so that a
 * Region added there is framed, reachable and allowed everywhere at once:
 * - host permissions: every instance domain, and the chat endpoint of each Region that has one
 *   (the worker's `webRequest` block audit sees only hosts it has permission for);
 * - the extension pages' CSP: instances may be framed and play media, chat may reach its endpoint
 *   and the S3 buckets that hold chat attachments.
 *
 * `connect-src` also keeps `https:`: the audit endpoint and approved origins are the policy's, known
 * only at run time, and the declarativeNetRequest rules are what confine requests to them (the CSP
 * must not block what the rules allow).
 */
export interface ExtensionHosts {
  hostPermissions: string[];
  contentSecurityPolicy: string;
}

export function extensionHostsFor(regions: readonly ConnectRegion[] = CONNECT_REGIONS, domains: readonly InstanceDomain[] = INSTANCE_DOMAINS): ExtensionHosts {
  const instances = domains.map((entry) => `https://*.${entry.domain}`);
  const chatRegions = regions.filter((region) => region.chat);
  const participants = chatRegions.map((region) => participantServiceOrigin(region.name));
  const attachments = ['https://*.s3.amazonaws.com', ...chatRegions.map((region) => `https://*.s3.${region.name}.amazonaws.com`)];
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    ["media-src 'self'", ...instances].join(' '),
    ['frame-src', ...instances].join(' '),
    ["connect-src 'self' https:", ...instances, ...participants, ...attachments].join(' '),
  ];
  return {
    hostPermissions: [...instances, ...participants].map((origin) => `${origin}/*`),
    contentSecurityPolicy: directives.join('; '),
  };
}
