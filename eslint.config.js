import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Modules depend one way, lowest first (STYLE.md). A module may import the kernel and modules ranked below it.
const moduleRank = ['masterdata', 'admin', 'customers'];

const boundaryRules = moduleRank.map((mod, i) => ({
  files: [`apps/server/src/modules/${mod}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...moduleRank.slice(i + 1).map((upper) => ({
            group: [`../${upper}/*`, `../../modules/${upper}/*`],
            message: `${mod} is below ${upper} and must not import it`,
          })),
          { group: ['../*/!(index).js', '!../*/*.schema.js'], message: 'Import another module through its index.ts (or its schema).' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/migrations/**', 'bench/results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['apps/server/src/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../modules/*', '../../modules/*'], message: 'The kernel must not depend on business modules.' }] },
      ],
    },
  },
  {
    files: ['packages/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/*'], message: 'shared is imported by the apps, never the reverse.' }] },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/*', '@sifang/server*'], message: 'The web talks to the server over HTTP only.' }] },
      ],
    },
  },
  ...boundaryRules,
);
