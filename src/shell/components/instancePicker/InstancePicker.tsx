import { useState, type FormEvent } from 'react';
import type { OrganizationInstance } from '../../../core/instances/organizationInstances.ts';
import type { InstanceChoiceRefusal } from '../../../core/messaging/workerRequests.ts';
import { callWorker } from '../../../platform/callWorker.ts';
import { t } from '../../../platform/i18n.ts';
import { InstanceName } from './InstanceName.tsx';

const REFUSAL_KEYS: Record<InstanceChoiceRefusal | 'failed', string> = {
  unlisted: 'instancePickerUnlisted',
  contact_live: 'instancePickerContactLive',
  no_policy: 'instancePickerNoPolicy',
  failed: 'instancePickerFailed',
};

/**
 * The agent picks which of the organization's Connect instances this browser works on. Nothing
 * is embedded while it shows. The worker checks and stores the pick; the policy verdict it then
 * publishes moves every desk of this browser to that instance (see ShellApp).
 */
export function InstancePicker({ instances, current, onCancel }: { instances: OrganizationInstance[]; current: OrganizationInstance; onCancel?: () => void }) {
  const [selected, setSelected] = useState(current.ccpUrl);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onCancel !== undefined && selected === current.ccpUrl) return onCancel();
    setBusy(true);
    setRefusal(null);
    void callWorker('instance.choose', { ccpUrl: selected }).then((reply) => {
      setBusy(false);
      if (!reply.ok) return setRefusal(REFUSAL_KEYS.failed);
      if (reply.response.result === 'refused') setRefusal(REFUSAL_KEYS[reply.response.reason]);
    });
  };

  return (
    <form className="instance-picker" data-testid="instance-picker" onSubmit={submit} aria-labelledby="instance-picker-title">
      <h1 id="instance-picker-title">{t('instancePickerTitle')}</h1>
      <p>{t('instancePickerBody')}</p>
      <fieldset>
        <legend className="visually-hidden">{t('instancePickerTitle')}</legend>
        {instances.map((instance) => (
          <label key={instance.ccpUrl} className="instance-option" data-testid="instance-option" data-host={new URL(instance.ccpUrl).host}>
            <input type="radio" name="instance" value={instance.ccpUrl} checked={selected === instance.ccpUrl} onChange={() => setSelected(instance.ccpUrl)} />
            <InstanceName instance={instance} />
          </label>
        ))}
      </fieldset>
      {refusal !== null ? (
        <p className="number-refused" role="alert" data-testid="instance-picker-refused">
          {t(refusal)}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="instance-picker-submit">
          {t('instancePickerSubmit')}
        </button>
        {onCancel !== undefined ? (
          <button type="button" onClick={onCancel} data-testid="instance-picker-cancel">
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
