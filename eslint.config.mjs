// One lint config for the workspace; each package runs `eslint src test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/corpus/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      // Node's API functions keep their declared arity (Function.length) and
      // read extra arguments from `arguments`; rest parameters would change both.
      'prefer-rest-params': 'off',
      'prefer-spread': 'off',
    },
  },
  {
    // errno has one home and one sign (negative, libuv's): the UV_E* table
    // and lastError() in packages/sys/src/errno.ts. Elsewhere no errno
    // constant is declared and no errno is written as a number: a local
    // `EAGAIN = -11` shadows the shared one, and a literal hides its sign.
    // `=== -1` stays allowed (indexOf, a syscall's bare failure return),
    // though `< 0` is the better test for the latter.
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    ignores: ['packages/sys/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "VariableDeclarator[id.name=/^(UV_)?E(?!POLL)[A-Z0-9]{2,}$/][init.type='Literal'], VariableDeclarator[id.name=/^(UV_)?E(?!POLL)[A-Z0-9]{2,}$/][init.type='UnaryExpression']",
          message: 'Errno constants live in @mini/sys (UV_E*, negative); import them instead of declaring one.',
        },
        {
          selector:
            "BinaryExpression[operator=/^[=!]==?$/] > UnaryExpression[operator='-'][argument.type='Literal']:not([argument.value=1]), BinaryExpression[operator=/^[<>]=?$/] > UnaryExpression[operator='-'][argument.type='Literal']",
          message: 'Compare with a UV_E* constant from @mini/sys (or test the sign: `< 0`), not a negative literal.',
        },
        {
          selector: "SwitchCase > UnaryExpression.test[operator='-'][argument.type='Literal']:not([argument.value=1])",
          message: 'Compare with a UV_E* constant from @mini/sys, not a negative literal.',
        },
        {
          selector:
            "BinaryExpression[operator=/^[=!]==?$/][left.callee.name=/^last(Errno|Error)$/][right.type='Literal'], BinaryExpression[operator=/^[=!]==?$/][right.callee.name=/^last(Errno|Error)$/][left.type='Literal']",
          message: 'Compare lastError() with a UV_E* constant from @mini/sys, not a number.',
        },
        {
          selector:
            "BinaryExpression[operator=/^[=!]==?$/][left.name=/errno/i][right.type='Literal'][right.value!=0], BinaryExpression[operator=/^[=!]==?$/][right.name=/errno/i][left.type='Literal'][left.value!=0]",
          message: 'Compare an errno with a UV_E* constant from @mini/sys, not a number.',
        },
      ],
    },
  },
);
