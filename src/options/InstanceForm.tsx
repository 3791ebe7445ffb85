import { useEffect, useState, type FormEvent } from 'react';
import type { SettingSource } from '../core/policy/mergePolicies.ts';
import { describeCcpUrlProblem } from '../core/origins/describeCcpUrlProblem.ts';
import { parseCcpUrl } from '../core/origins/parseCcpUrl.ts';
import { CONNECT_REGIONS } from '../core/regions/connectRegions.ts';
import { t } from '../platform/i18n.ts';
import { readPolicySources, writeLocalPolicy } from '../platform/policySources.ts';

/** The choices are the Regions Amazon Connect serves, from the one list (`src/core/regions`). */
const REGION_CHOICES: readonly string[] = CONNECT_REGIONS.map((region) => region.name);

/** The one setting an agent may enter themselves: the Connect instance, unless the organization set it. */
export function InstanceForm({
  lockedByOrganization,
  source,
  ccpUrl: currentUrl,
  region: currentRegion,
}: {
  lockedByOrganization: boolean;
  source: SettingSource | null;
  ccpUrl: string;
  region: string | null;
}) {
  const [ccpUrl, setCcpUrl] = useState(currentUrl);
  const [region, setRegion] = useState(currentRegion ?? 'us-east-1');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setCcpUrl(currentUrl);
    if (currentRegion) setRegion(currentRegion);
  }, [currentUrl, currentRegion]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (lockedByOrganization) {
      setError(t('lockedByOrganization'));
      return;
    }
    const parsed = parseCcpUrl(ccpUrl);
    if (!parsed.ok) {
      setError(describeCcpUrlProblem(parsed.problem));
      return;
    }
    setError(null);
    // Other local settings (if any) are kept; only the instance changes.
    const { local } = await readPolicySources();
    const base = typeof local === 'object' && local !== null && !Array.isArray(local) ? local : {};
    await writeLocalPolicy({ ...base, instance: { ccpUrl: parsed.ccpUrl, region } });
    setSaved(true);
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <fieldset>
        <legend>{t('instanceLegend')}</legend>
        <p className={`source source-${source ?? 'none'}`} data-testid="ccp-url-source" data-source={source ?? 'none'}>
          {source ? t(`source_${source}`) : t('notSet')}
        </p>
        <label>
          <span>{t('instanceUrlLabel')}</span>
          <input
            data-testid="ccp-url"
            type="url"
            value={ccpUrl}
            onChange={(event) => setCcpUrl(event.target.value)}
            placeholder="https://your-instance.my.connect.aws/ccp-v2"
            aria-invalid={error !== null}
            aria-describedby="ccp-url-help"
            readOnly={lockedByOrganization}
            required
          />
        </label>
        <p id="ccp-url-help" className="muted">
          {lockedByOrganization ? t('lockedByOrganization') : t('instanceUrlHelp')}
        </p>
        <label>
          <span>{t('regionLabel')}</span>
          <select data-testid="region" value={region} onChange={(event) => setRegion(event.target.value)} disabled={lockedByOrganization}>
            {REGION_CHOICES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {error ? (
          <p className="error" role="alert" data-testid="ccp-url-error">
            {t('instanceUrlRejected')} {error}
          </p>
        ) : null}
        {saved ? (
          <p className="ok" role="status" data-testid="saved">
            {t('saved')}
          </p>
        ) : null}
        <button type="submit" className="primary" data-testid="save">
          {t('save')}
        </button>
      </fieldset>
    </form>
  );
}
