import { useEffect, useMemo, useState } from 'react';
import type { ShellConfig } from '../core/config/ShellConfig.ts';
import { resolveShellConfig } from '../core/config/resolveShellConfig.ts';
import { failClosedMasker } from '../core/contact/failClosedMasker.ts';
import { t } from '../platform/i18n.ts';
import { onPolicySourcesChanged, readPolicySources } from '../platform/policySources.ts';
import { ConfigProblemPanel } from './components/ConfigProblemPanel.tsx';
import { Desk } from './components/Desk.tsx';

export function ShellApp({ layout }: { layout: 'panel' | 'tab' }) {
  const [config, setConfig] = useState<ShellConfig | null>(null);

  useEffect(() => {
    let current: ShellConfig | null = null;
    const load = async () => {
      const next = resolveShellConfig(await readPolicySources());
      // Streams embeds one CCP per window for the page's lifetime: a new instance needs a fresh page.
      if (current?.status === 'ready' && (next.status !== 'ready' || next.instance.ccpUrl !== current.instance.ccpUrl)) {
        location.reload();
        return;
      }
      current = next;
      setConfig(next);
    };
    void load();
    return onPolicySourcesChanged(() => void load());
  }, []);

  const masker = useMemo(() => failClosedMasker, []);
  if (!config) return <p className="muted">{t('loading')}</p>;
  if (config.status !== 'ready') return <ConfigProblemPanel config={config} />;
  return <Desk instance={config.instance} masker={masker} layout={layout} />;
}
