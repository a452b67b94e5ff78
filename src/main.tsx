import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSession } from './state/currentSession';
import { embedOptions, startWorkspace } from './state/startWorkspace';
import { App } from './ui/App';
import { EmbedApp } from './ui/EmbedApp';
import './ui/styles.css';

// The composition root: the session owns every live part (drivers, sources, timers, recorders); stores connect to it.
startSession();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {embedOptions(location.search).embed ? <EmbedApp /> : <App />}
  </StrictMode>,
);
void startWorkspace(location.search);
