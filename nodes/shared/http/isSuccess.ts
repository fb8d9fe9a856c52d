/** Any 2xx: the service did what was asked, whatever its body says (docs/apis.md). */
export const isSuccess = (response: { statusCode: number }): boolean =>
	response.statusCode >= 200 && response.statusCode < 300;
