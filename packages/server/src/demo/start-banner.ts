import type { DemoAccount } from './demo-accounts.js';

/** The address people type: a server listening on every interface is reached as localhost. */
export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

export function startBanner(url: string, wallToken: string, firstAdmin: { username: string; password: string } | null): string {
  const lines = [
    '',
    `gridsweep is running at ${url}`,
    `  Wall display (counts only):  ${url}/wall?token=${wallToken}`,
    `  Monitoring, counts only:     ${url}/?token=${wallToken}`,
    `  Sign in:                     ${url}/login`,
    `  Field worker's sweep (phone): ${url}/sweep`,
  ];
  if (firstAdmin) {
    lines.push(`  First administrator:         ${firstAdmin.username} / ${firstAdmin.password}   (shown once; keep it safe)`);
  }
  return `${lines.join('\n')}\n\n`;
}

export function demoAccountsBanner(url: string, accounts: readonly DemoAccount[]): string {
  const width = Math.max(...accounts.map((account) => account.username.length));
  const lines = [
    '',
    'Demo accounts (passwords shown once; sign in at ' + `${url}/login):`,
    ...accounts.map((account) => `  ${account.username.padEnd(width)}  ${account.password}   ${account.role}, ${account.covers}`),
  ];
  return `${lines.join('\n')}\n\n`;
}
