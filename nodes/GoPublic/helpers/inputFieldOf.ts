/**
 * The input field a parameter reads, when its expression is nothing but that field
 * (`={{ $json.EmailAddress }}` or `={{ $json["E-mail"] }}`), so a message about a member's field
 * can name the column or field the admin mapped to it. Anything else: undefined.
 */
const PLAIN_FIELD = /^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])(.+?)\2\s*\])\s*\}\}$/;

export function inputFieldOf(expression: unknown): string | undefined {
	if (typeof expression !== 'string') return undefined;
	const match = PLAIN_FIELD.exec(expression.trim());
	return match ? (match[1] ?? match[3]) : undefined;
}
