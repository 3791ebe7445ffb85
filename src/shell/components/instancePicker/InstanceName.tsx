import type { OrganizationInstance } from '../../../core/instances/organizationInstances.ts';
import { t } from '../../../platform/i18n.ts';

/** An instance as the agent recognises it: the name IT gave it (the default has none) and its host. */
export function InstanceName({ instance }: { instance: OrganizationInstance }) {
  return (
    <span className="instance-name">
      <span>{instance.name ?? t('instanceDefaultName')}</span> <span className="muted">{new URL(instance.ccpUrl).host}</span>
    </span>
  );
}
