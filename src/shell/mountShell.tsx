import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ShellApp } from './ShellApp.tsx';
import '../platform/fontStack.css';
import './shell.css';

export function mountShell(layout: 'panel' | 'tab'): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Connect Shield: #root is missing from the page');
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.title = chrome.i18n.getMessage('extName');
  createRoot(root).render(
    <StrictMode>
      <ShellApp layout={layout} />
    </StrictMode>,
  );
}
