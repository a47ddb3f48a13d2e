import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLocale } from './app/i18n/I18nProvider';
import { loadBundle } from './app/i18n/locales';
import './app/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

function render() {
  createRoot(root!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// A browser that chose English fetches those texts first (no flash of Chinese); zh-CN is already here.
// If they cannot be fetched the app starts in zh-CN.
loadBundle(initialLocale()).then(render, render);
