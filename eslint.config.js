// Lint with type information. Layering and the security rules are here so that a change that
// breaks them fails `npm test`, not a reviewer's memory. See CONTRIBUTING.md for why each exists.
import js from '@eslint/js';
import prettierOff from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringPlugin } from './eslint/importZones.js';

const CONNECT_LIBRARIES = ['amazon-connect-streams', 'amazon-connect-chatjs'];

// The only file allowed to set HTML: chat's Markdown, sanitized by DOMPurify (invariant 6).
const HTML_SINK_FILES = ['src/shell/components/chat/MarkdownMessage.tsx'];

const HTML_SINKS = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Setting HTML is reserved to MarkdownMessage.tsx (invariant 6): render text.' },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'Setting HTML is reserved to MarkdownMessage.tsx (invariant 6): use textContent.',
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment|parseHTMLUnsafe)$/]',
    message: 'Setting HTML is reserved to MarkdownMessage.tsx (invariant 6).',
  },
  {
    selector: "CallExpression > MemberExpression.callee[object.name='document'][property.name=/^(write|writeln)$/]",
    message: 'document.write is never used (invariant 6).',
  },
];

// The channel between pages and the worker is one contract (src/core/messaging/workerRequests.ts):
// only its two ends touch runtime messaging. The worker's private channel to its regex-safety
// document (src/core/messaging/regexSafetyMessages.ts) has its two ends too.
const CHANNEL_FILES = [
  'src/platform/callWorker.ts',
  'src/background/workerRouter.ts',
  'src/background/regexSafety/regexSafetyVerdicts.ts',
  'src/background/regexSafety/regexSafetyDocument.ts',
];
// Only these files spell a channel's name; a message built by hand elsewhere is refused like a stray send.
const CHANNEL_NAME_FILES = ['src/core/messaging/workerMessages.ts', 'src/core/messaging/regexSafetyMessages.ts'];
const CHANNEL_NAME = {
  selector: 'Literal[value=/^connect-shield\\/(worker|regex-safety)$/]',
  message: 'Only workerMessages.ts and regexSafetyMessages.ts name a channel: build the message with workerRequestMessage.',
};
const RUNTIME_MESSAGING = [
  {
    selector:
      "MemberExpression[object.property.name='runtime'][property.name=/^(sendMessage|onMessage|onMessageExternal|connect|onConnect|onConnectExternal|onUserScriptMessage)$/]",
    message: 'Pages and the worker talk through callWorker / workerRouter only (add an entry to src/core/messaging/workerRequests.ts).',
  },
  {
    selector: "MemberExpression[object.property.name='tabs'][property.name=/^(sendMessage|connect)$/]",
    message: 'Pages and the worker talk through callWorker / workerRouter only.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'types/**',
      'dist/**',
      'dist-profile/**',
      'node_modules/**',
      'demo-output/**',
      'preview-output/**',
      'test-results/**',
      '.scratch/**',
      '**/*.generated.js',
      '**/*.generated.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'eslint/*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { layering: layeringPlugin, 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/require-await': 'off',
      // Interfaces here declare methods that close over their state, never over `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Streams and ChatJS ship their types as globals; a reference is how they are brought in.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'never', types: 'always', lib: 'never' }],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...HTML_SINKS, ...RUNTIME_MESSAGING, CHANNEL_NAME],
      'no-restricted-imports': [
        'error',
        { paths: CONNECT_LIBRARIES.map((name) => ({ name, message: 'Only src/connect touches the Connect libraries (DESIGN: architecture).' })) },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'layering/import-zones': [
        'error',
        {
          zone: 'src/core',
          mayImportFolders: ['src/core'],
          mayImportPackages: [
            '@noble/hashes',
            '@opentelemetry/api-logs',
            '@opentelemetry/otlp-transformer',
            '@opentelemetry/resources',
            '@opentelemetry/sdk-logs',
            'ajv',
            'bidi-js',
            'content-security-policy-parser',
            'ibantools',
            'libphonenumber-js',
            'recheck',
          ],
        },
      ],
    },
  },
  {
    files: ['src/connect/**'],
    rules: {
      'no-restricted-imports': 'off',
      // Streams types its subscriptions' `unsubscribe` as `Function`; the adapter is where that looseness stays.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests read JSON and Playwright results typed `any` by their libraries; `any` written by us is still refused.
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  // The emulator's embedder page is a stand-in for a third-party site running the real libraries.
  { files: ['tests/emulator/embedder/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: HTML_SINK_FILES, rules: { 'no-restricted-syntax': ['error', ...RUNTIME_MESSAGING, CHANNEL_NAME] } },
  { files: CHANNEL_FILES, rules: { 'no-restricted-syntax': ['error', ...HTML_SINKS, CHANNEL_NAME] } },
  { files: CHANNEL_NAME_FILES, rules: { 'no-restricted-syntax': ['error', ...HTML_SINKS, ...RUNTIME_MESSAGING] } },
  {
    files: ['eslint.config.js', 'eslint/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettierOff,
);
