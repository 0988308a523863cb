// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** No shell, ever (issue 8): child processes get an argument array, so user input never reaches a command line. */
const noShellImport = {
  name: 'child_process',
  importNames: ['exec', 'execSync'],
  message: 'exec/execSync run a shell: use spawn/execFile/fork with an argument array.',
};
const noShellSyntax = [
  { selector: "Property[key.name='shell'][value.value!=false]", message: 'No shell: leave `shell` unset (or false) and pass an argument array.' },
  { selector: "VariableDeclarator[init.callee.name='require'][init.arguments.0.value='child_process'] > ObjectPattern > Property[key.name=/^exec(Sync)?$/]", message: 'exec/execSync run a shell: use spawn/execFile/fork with an argument array.' },
  { selector: "CallExpression[callee.property.name=/^exec(Sync)?$/][callee.object.name=/^(cp|childProcess|child_process)$/]", message: 'exec/execSync run a shell: use spawn/execFile/fork with an argument array.' },
];
const noShell = { paths: [noShellImport] };
const noVscode = {
  paths: [
    noShellImport,
    { name: 'vscode', message: 'Only src/extension (and the in-editor tests) may import vscode: this code also runs in the helper, the CLI and plain Node.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', 'node_modules/**', 'build/**', '.test-output/**', 'demo/**', 'test/fixtures/scanner-corpus*/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      // Node's require of a computed path (native addon, mocha) is deliberate where it appears.
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-imports': ['error', noShell],
      '@typescript-eslint/no-restricted-imports': ['error', noShell],
      'no-restricted-syntax': ['error', ...noShellSyntax],
    },
  },
  {
    files: ['src/core/**', 'src/ipc/**', 'src/helper/**', 'src/client/**', 'src/cli/**', 'src/webview/**', 'test/unit/**', 'test/fixtures/**', 'test/ui/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', noVscode], '@typescript-eslint/no-restricted-imports': ['error', noVscode] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { 'no-restricted-imports': ['error', noShell], 'no-restricted-syntax': ['error', ...noShellSyntax] },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } }
);
