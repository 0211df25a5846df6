/** Reading what n8n CLI commands print: the result JSON after log lines, and failure text safe to show. */

/**
 * `n8n execute --rawOutput` prints log lines ("n8n Task Broker ready…", license notices) and then the execution as
 * pretty-printed JSON; on a failed run the JSON is printed by the logger and followed by more error lines.
 * Pretty-printing puts the top-level braces alone at column 0, so the result is the first `{` line up to the first
 * `}` line after it that parses. Returns undefined when there is none (the command died before printing a result).
 */
export function extractResultJson(stdout: string): Record<string, unknown> | undefined {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start].trimEnd() !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end].trimEnd() !== '}') continue;
			try {
				const value = JSON.parse(lines.slice(start, end + 1).join('\n')) as unknown;
				if (value && typeof value === 'object' && !Array.isArray(value))
					return value as Record<string, unknown>;
			} catch {
				// not the closing brace of this object (or not JSON at all); keep looking
			}
			break;
		}
	}
	return undefined;
}

/**
 * Masks credentials that may appear in n8n's output: the Mijnwebwinkel tokens travel in the query string,
 * others in auth headers or JSON fields.
 */
export function redactSecrets(text: string): string {
	return text
		.replace(/([?&](?:token|api_?key|key|secret|password|partner_token)=)[^&\s"'<>]+/gi, '$1***')
		.replace(/(authorization["']?\s*[:=]\s*["']?(?:basic|bearer)\s+)[A-Za-z0-9+/=._-]+/gi, '$1***')
		.replace(
			/("(?:apiKey|api_key|token|password|secret|accessToken|partnerToken)"\s*:\s*")[^"]*"/gi,
			'$1***"',
		);
}

/** The last `n` lines of `text`, for error messages. */
export function tail(text: string, n = 40): string {
	const lines = text.trimEnd().split('\n');
	return lines.slice(Math.max(0, lines.length - n)).join('\n');
}
