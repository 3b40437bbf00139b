/** POSTs a JSON body to the server under test with a bearer token; anything but a 2xx fails the test with the server's answer. */
export async function postJson(url: string, body: unknown, token: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}
