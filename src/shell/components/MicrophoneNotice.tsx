import { useEffect, useState } from 'react';
import { t } from '../../platform/i18n.ts';

/**
 * A side panel cannot show the microphone prompt, so the grant happens once on a tab page.
 * Until then calls have no audio: say so and offer the page.
 */
export function MicrophoneNotice() {
  const [state, setState] = useState<PermissionState | 'unknown'>('unknown');
  useEffect(() => {
    let status: PermissionStatus | null = null;
    const update = () => status && setState(status.state);
    navigator.permissions
      .query({ name: 'microphone' })
      .then((result) => {
        status = result;
        update();
        result.addEventListener('change', update);
      })
      .catch(() => setState('prompt'));
    return () => status?.removeEventListener('change', update);
  }, []);
  if (state === 'granted' || state === 'unknown') return null;
  return (
    <div className="banner banner-info" data-testid="microphone-notice">
      <span>{t(state === 'denied' ? 'micDenied' : 'micNeeded')}</span>
      <button type="button" onClick={() => void chrome.tabs.create({ url: chrome.runtime.getURL('src/mic/microphone.html') })}>
        {t('micEnable')}
      </button>
    </div>
  );
}
