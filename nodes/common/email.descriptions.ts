/** The e-mail address an operation looks a debtor or customer up by; both nodes ask for it the same way. */
import type { INodeProperties } from 'n8n-workflow';

export const emailProperty: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
};
