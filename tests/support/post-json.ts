/**
 * POSTs a JSON body to the server under test with a bearer token and answers
 * the parsed answer (null when empty); anything but a 2xx fails the test with the server's answer.
 */
export async function postJson(url: string, body: unknown, token: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}
