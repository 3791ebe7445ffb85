import { useState } from 'react';
import type { OrganizationInstance } from '../../../core/instances/organizationInstances.ts';
import { t } from '../../../platform/i18n.ts';
import { InstanceName } from './InstanceName.tsx';
import { InstancePicker } from './InstancePicker.tsx';

/**
 * The instance this desk works on, and the way to another one. Switching reloads the desk onto
 * the new instance, which would drop a call: it is offered only while no contact is live (the
 * worker refuses it then too).
 */
export function InstanceSwitcher({
  instances,
  current,
  contactLive,
}: {
  instances: OrganizationInstance[];
  current: OrganizationInstance;
  contactLive: boolean;
}) {
  const [picking, setPicking] = useState(false);
  if (picking && !contactLive) return <InstancePicker instances={instances} current={current} onCancel={() => setPicking(false)} />;
  return (
    <div className="banner banner-info instance-switcher" data-testid="instance-switcher" data-host={new URL(current.ccpUrl).host}>
      <span>
        {t('instanceInUse')} <InstanceName instance={current} />
      </span>
      {contactLive ? (
        <span className="muted" data-testid="instance-switch-waits">
          {t('instanceSwitchAfterContact')}
        </span>
      ) : (
        <button type="button" data-testid="instance-switch" onClick={() => setPicking(true)}>
          {t('instanceSwitch')}
        </button>
      )}
    </div>
  );
}
