// Lint = n8n's own rule sets, arranged as `@n8n/node-cli`'s config does: the verification rules of
// `@n8n/eslint-plugin-community-nodes` (what n8n's scanner applies) plus the classic
// `eslint-plugin-n8n-nodes-base` presets for package.json, credentials and nodes. The pure core is linted
// with the same verification rules, since it ships inside dist/. Tests, sandboxes, scripts, the bench and the template's
// sources (workflows/*.ts; only its JSON ships) are not shipped: they get the general JavaScript and TypeScript rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const verification = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'.demo/**',
			'.e2e/**',
			'.screenshots/**',
			'coverage/**',
		],
	},
	{
		files: [
			'test/**/*.ts',
			'sandbox/**/*.ts',
			'bench/**/*.ts',
			'scripts/**/*.ts',
			'workflows/**/*.ts',
		],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'core/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended, verification],
		rules: { 'prefer-spread': 'off', 'no-console': 'error' },
	},
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		extends: [verification],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
