// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [{ name: 'vscode', message: 'Only src/extension (and the in-editor tests) may import vscode: this code also runs in the helper, the CLI and plain Node.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', 'node_modules/**', 'build/**', '.test-output/**', 'demo/**'] },
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
    },
  },
  {
    files: ['src/core/**', 'src/ipc/**', 'src/helper/**', 'src/client/**', 'src/cli/**', 'src/webview/**', 'test/unit/**', 'test/fixtures/**', 'test/ui/**', 'bench/**'],
    rules: { 'no-restricted-imports': ['error', noVscode], '@typescript-eslint/no-restricted-imports': ['error', noVscode] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } }
);
