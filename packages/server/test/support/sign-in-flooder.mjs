// A separate process that floods POST /api/v1/auth/login with made-up usernames, as an attacker's machine would:
// `node sign-in-flooder.mjs <port> <localAddress> <perSecond> <seconds>`; prints {sent, statuses} as JSON when done.
import { request } from 'node:http';

const [port, localAddress, perSecond, seconds] = process.argv.slice(2);
const statuses = {};
let sent = 0;
const attempts = [];
const started = Date.now();
const tickMs = 100;
const perTick = Number(perSecond) / (1000 / tickMs);

function attempt(username) {
  const payload = JSON.stringify({ username, password: 'guess-guess-guess' });
  return new Promise((resolve) => {
    const call = request(
      { host: '127.0.0.1', port: Number(port), localAddress, method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        response.resume();
        response.on('end', () => {
          statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
          resolve();
        });
      },
    );
    call.on('error', () => {
      statuses.error = (statuses.error ?? 0) + 1;
      resolve();
    });
    call.end(payload);
  });
}

while (Date.now() - started < Number(seconds) * 1000) {
  for (let i = 0; i < perTick; i++) attempts.push(attempt(`made-up-${sent++}`));
  await new Promise((resolve) => setTimeout(resolve, tickMs - ((Date.now() - started) % tickMs)));
}
await Promise.all(attempts);
process.stdout.write(JSON.stringify({ sent, statuses }));
