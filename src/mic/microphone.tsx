import { t } from '../platform/i18n.ts';
import '../platform/fontStack.css';
import './microphone.css';

/**
 * Side panels cannot show the microphone prompt; a tab page can. The grant belongs to the
 * extension origin, so the CCP frame in the side panel inherits it afterwards.
 */
const root = document.getElementById('root');
if (!root) throw new Error('Connect Shield: #root is missing from the page');
document.documentElement.lang = chrome.i18n.getUILanguage();
document.title = t('micTitle');

const heading = document.createElement('h1');
heading.textContent = t('micTitle');
const explanation = document.createElement('p');
explanation.textContent = t('micExplain');
const status = document.createElement('p');
status.setAttribute('role', 'status');
status.dataset.testid = 'mic-status';
const button = document.createElement('button');
button.type = 'button';
button.textContent = t('micEnable');
button.addEventListener('click', () => {
  navigator.mediaDevices.getUserMedia({ audio: true }).then(
    (stream) => {
      // Only the permission is wanted; release the device at once.
      stream.getTracks().forEach((track) => track.stop());
      status.textContent = t('micGranted');
    },
    () => {
      status.textContent = t('micDeniedHelp');
    },
  );
});
root.append(heading, explanation, button, status);
