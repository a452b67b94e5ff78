import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The architecture, as lint rules. Each folder of src/ may import only the
 * folders listed for it here (README: "Architecture").
 */
const LAYERS = {
  core: [],
  protocol: ['core'],
  runtime: ['protocol'],
  sandbox: ['protocol'],
  bridge: ['core', 'protocol'],
  state: ['core', 'bridge', 'protocol'],
  ui: ['core', 'state'],
};
const ALL = Object.keys(LAYERS);
/**
 * The bridge may take the runtime's and the sandbox's scripts as text
 * (`?bundle`), to hand them to the sandbox frame, and the Node.js built-ins'
 * scripts (`?builtin`), to send a worker those its handler imports; it may
 * not call into them.
 */
const TEXT_IMPORTS = { bridge: ['!**/runtime/main.ts?bundle', '!**/sandbox/host.ts?bundle', '!**/runtime/node/', '!**/runtime/node/*.ts?builtin'] };

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
  const banned = ALL.filter((l) => l !== layer && !allowed.includes(l));
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: banned.map((b) => ({
            group: [`**/${b}/**`, ...(TEXT_IMPORTS[layer] ?? [])],
            message: `src/${layer} may not import src/${b} (allowed: ${allowed.join(', ') || 'nothing'}). See README, Architecture.`,
          })),
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...layerRules,
  {
    // The template corpus: handler sources as users write them (CommonJS `require` included).
    files: ['src/state/handlerTemplates/code/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // State and bridge own no raw timers: they go through src/bridge/timerHost.ts (one owner, fakeable in tests), as an editor's own timers do in tldraw.
    files: ['src/state/**/*.{ts,tsx}', 'src/bridge/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/bridge/timerHost.ts', 'src/state/handlerTemplates/code/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'].map((name) => ({
          name,
          message: 'Use a TimerHost (src/bridge/timerHost.ts), injected or realTimers: no raw timers in state or bridge.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame'].flatMap((property) =>
          ['globalThis', 'window', 'self'].map((object) => ({ object, property, message: 'Use a TimerHost (src/bridge/timerHost.ts).' })),
        ),
      ],
    },
  },
  {
    // The platform model is pure: time from the injected clock, randomness from the seeded generator.
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'self', 'globalThis', 'navigator', 'performance', 'crypto', 'fetch', 'Worker',
          'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'queueMicrotask',
          'localStorage', 'indexedDB', 'postMessage', 'MessageChannel'].map((name) => ({
          name,
          message: 'src/core is pure: no DOM, workers, timers or ambient I/O. Take what you need as an argument.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock.' },
        { object: 'Math', property: 'random', message: 'Use the injected seeded Random.' },
        { object: 'performance', property: 'now', message: 'Use the injected Clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the ambient clock: use the injected Clock.' },
      ],
    },
  },
);
