import { describe, expect, it } from 'vitest';
import { Credential } from '../src/lib/auth/credential.svelte.js';
import { sendsToSignIn } from '../src/lib/auth/sign-in-route.js';
import { adoptTokenFromUrl } from '../src/lib/auth/token-from-url.js';

/** sessionStorage's behaviour over a Map: what the tab keeps across a reload. */
function tabStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** An address bar and its history entry, as the browser keeps them. */
function addressBar(href: string, state: unknown = { 'sveltekit:history': 7 }) {
  const bar = {
    href,
    state,
    replaceState(next: unknown, _unused: string, url?: string | URL | null) {
      bar.state = next;
      if (url) bar.href = new URL(url, bar.href).href;
    },
  };
  return bar;
}

describe('the credential of a tab', () => {
  it('keeps its token across a reload of the tab, and forgets it when cleared', () => {
    const storage = tabStorage();
    new Credential(storage).set('session-token');
    const reloaded = new Credential(storage);
    expect(reloaded.token).toBe('session-token');
    expect(reloaded.usable).toBe(true);
    reloaded.clear();
    expect(new Credential(storage).token).toBeNull();
  });

  it('is not usable once the server refused it, and a refused token is not tried again after a reload', () => {
    const storage = tabStorage();
    const credential = new Credential(storage);
    credential.set('expired-token');
    credential.reject();
    expect(credential.usable).toBe(false);
    expect(credential.rejected).toBe(true);
    expect(new Credential(storage).token).toBeNull();
    credential.set('fresh-token');
    expect(credential.usable).toBe(true);
  });

  it('works without storage, as in a kiosk that forbids it', () => {
    const credential = new Credential(null);
    credential.set('wall-token');
    expect(credential.token).toBe('wall-token');
  });
});

describe('a ?token= in the address', () => {
  it('becomes the credential and leaves the address bar, keeping the rest of the address and the history entry', () => {
    const credential = new Credential(tabStorage());
    const bar = addressBar('http://wall.local:3000/wall?token=abc123&lang=zh#map');
    expect(adoptTokenFromUrl(credential, bar, bar)).toBe(true);
    expect(credential.token).toBe('abc123');
    expect(bar.href).toBe('http://wall.local:3000/wall?lang=zh#map');
    expect(bar.state).toEqual({ 'sveltekit:history': 7 });
  });

  it('leaves the address and the credential alone when there is none', () => {
    const credential = new Credential(tabStorage());
    credential.set('earlier');
    const bar = addressBar('http://wall.local:3000/?lang=zh');
    expect(adoptTokenFromUrl(credential, bar, bar)).toBe(false);
    expect(bar.href).toBe('http://wall.local:3000/?lang=zh');
    expect(credential.token).toBe('earlier');
  });

  it('is removed even when empty, without replacing the credential held', () => {
    const credential = new Credential(tabStorage());
    credential.set('earlier');
    const bar = addressBar('http://wall.local:3000/wall?token=');
    expect(adoptTokenFromUrl(credential, bar, bar)).toBe(false);
    expect(bar.href).toBe('http://wall.local:3000/wall');
    expect(credential.token).toBe('earlier');
  });
});

describe('pages without a usable credential', () => {
  it('send people to the sign-in page, except the wall and the sign-in page itself', () => {
    expect(sendsToSignIn('/')).toBe(true);
    expect(sendsToSignIn(null)).toBe(true);
    expect(sendsToSignIn('/wall')).toBe(false);
    expect(sendsToSignIn('/login')).toBe(false);
  });
});

describe("the credential of a field worker's phone", () => {
  it('survives the browser restarting once the page persisted it, and is gone with sign-out', () => {
    const device = tabStorage();
    const credential = new Credential(tabStorage(), device);
    credential.set('worker-token');
    credential.persist();
    // A new browser session: an empty sessionStorage, the same localStorage.
    const restarted = new Credential(tabStorage(), device);
    expect(restarted.token).toBe('worker-token');
    restarted.clear();
    expect(new Credential(tabStorage(), device).token).toBeNull();
  });

  it("does not bring back another account's persisted token after someone else signs in on the device", () => {
    const device = tabStorage();
    const first = new Credential(tabStorage(), device);
    first.set('worker-a-token');
    first.persist();
    new Credential(tabStorage(), device).set('supervisor-token');
    expect(new Credential(tabStorage(), device).token).toBeNull();
  });

  it('keeps the token to the tab when the page does not ask to persist it', () => {
    const device = tabStorage();
    new Credential(tabStorage(), device).set('tab-token');
    expect(new Credential(tabStorage(), device).token).toBeNull();
  });
});
