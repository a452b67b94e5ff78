import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { embedOptions, startWorkspace } from './state/startWorkspace';
import { App } from './ui/App';
import { EmbedApp } from './ui/EmbedApp';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {embedOptions(location.search).embed ? <EmbedApp /> : <App />}
  </StrictMode>,
);
void startWorkspace(location.search);
