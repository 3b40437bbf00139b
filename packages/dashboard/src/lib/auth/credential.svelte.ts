/** Where the tab keeps its credential: a wall display's tab keeps it across reloads, a new tab or window asks again. */
const STORAGE_KEY = 'gridsweep.token';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The tab's bearer token (a session token from the sign-in page, or the wall
 * token from a `?token=` link) and whether the server has refused it. Every
 * HTTP call and the socket read it here; a refusal anywhere is noted here, and
 * the pages decide what it means for them (the sign-in page, or the wall's
 * "credential missing" notice).
 */
export class Credential {
  token = $state<string | null>(null);
  /** The server answered UNAUTHENTICATED: the token is missing, wrong, expired or revoked. */
  rejected = $state(false);

  /** Whether there is a token the server has not refused: what a page needs before it asks for anything. */
  get usable(): boolean {
    return this.token !== null && !this.rejected;
  }

  constructor(private readonly storage: TokenStorage | null = safeSessionStorage()) {
    this.token = readToken(storage);
  }

  set(token: string): void {
    this.token = token;
    this.rejected = false;
    try {
      this.storage?.setItem(STORAGE_KEY, token);
    } catch {
      // A kiosk that forbids storage still works until the tab reloads.
    }
  }

  clear(): void {
    this.token = null;
    try {
      this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Nothing was stored then.
    }
  }

  /** The server refused the token: forget it, so a reload does not try it again. */
  reject(): void {
    this.clear();
    this.rejected = true;
  }
}

function readToken(storage: TokenStorage | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

function safeSessionStorage(): TokenStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Locked-down kiosks may forbid storage altogether.
    return null;
  }
}

/** The one credential of this tab, shared by every API client and socket of the page. */
export const credential = new Credential();
