/**
 * Both Mijnwebwinkel tokens travel in the URL query, so any text that may contain a URL (a network error, an
 * echoed request, an API message) passes through here before it reaches an error, a log or an output item.
 */

const TOKEN_PARAM = /([?&](?:partner_token|token)=)[^&#\s"']*/gi;

/** Replaces every token value (raw and URL-encoded) and every `token=` / `partner_token=` query value with ***. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let out = text.replace(TOKEN_PARAM, '$1***');
	for (const secret of secrets) {
		if (!secret) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			out = out.split(form).join('***');
		}
	}
	return out;
}
