// The handler compiler loads on demand in the app (src/bridge/sucraseLoader.ts); tests that compile handlers have it ready.
import { loadSucrase } from '../src/bridge/sucraseLoader';

await loadSucrase();
