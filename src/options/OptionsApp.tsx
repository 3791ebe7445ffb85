import { useEffect, useState, type FormEvent } from 'react';
import type { ShellConfig } from '../core/config/ShellConfig.ts';
import { describeCcpUrlProblem, resolveShellConfig } from '../core/config/resolveShellConfig.ts';
import { parseCcpUrl } from '../core/origins/parseCcpUrl.ts';
import { t } from '../platform/i18n.ts';
import { onPolicySourcesChanged, readPolicySources, writeLocalPolicy } from '../platform/policySources.ts';

const REGIONS = ['us-east-1', 'us-west-2', 'af-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-west-2'];

export function OptionsApp() {
  const [config, setConfig] = useState<ShellConfig | null>(null);
  const [ccpUrl, setCcpUrl] = useState('');
  const [region, setRegion] = useState('us-east-1');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const load = async () => {
      const next = resolveShellConfig(await readPolicySources());
      setConfig(next);
      if (next.status === 'ready') {
        setCcpUrl(next.instance.ccpUrl);
        setRegion(next.instance.region);
      }
    };
    void load();
    return onPolicySourcesChanged(() => void load());
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = parseCcpUrl(ccpUrl);
    if (!parsed.ok) {
      setError(describeCcpUrlProblem(parsed.problem));
      return;
    }
    setError(null);
    await writeLocalPolicy({ instance: { ccpUrl: parsed.ccpUrl, region } });
    setSaved(true);
  };

  const source = config?.status === 'ready' || config?.status === 'invalid' ? config.source : null;
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('instanceLegend')}</legend>
          <p className="source" data-testid="ccp-url-source">
            {source === 'organization' ? t('setByOrganization') : source === 'local' ? t('setLocally') : t('notSet')}
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
              required
            />
          </label>
          <p id="ccp-url-help" className="muted">{t('instanceUrlHelp')}</p>
          <label>
            <span>{t('regionLabel')}</span>
            <select data-testid="region" value={region} onChange={(event) => setRegion(event.target.value)}>
              {REGIONS.map((name) => (
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
    </main>
  );
}
