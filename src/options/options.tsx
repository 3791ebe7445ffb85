import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from './OptionsApp.tsx';
import '../platform/fontStack.css';
import './options.css';

const root = document.getElementById('root');
if (!root) throw new Error('Connect Shield: #root is missing from the page');
document.documentElement.lang = chrome.i18n.getUILanguage();
document.title = chrome.i18n.getMessage('optionsTitle');
createRoot(root).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
