/** Where the tab keeps its credential: a wall display's tab keeps it across reloads, a new tab or window asks again. */
const STORAGE_KEY = 'gridsweep.token';
/**
 * Where a field worker's phone keeps it across a browser restart (see `persist`): a worker in a
 * stairwell with no signal must find the page signed in after the phone closed the browser.
 */
const DEVICE_KEY = 'gridsweep.device-token';

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

  constructor(
    private readonly storage: TokenStorage | null = safeStorage('sessionStorage'),
    private readonly device: TokenStorage | null = safeStorage('localStorage'),
  ) {
    this.token = readToken(storage, STORAGE_KEY) ?? readToken(device, DEVICE_KEY);
  }

  /**
   * Keeps the token on this device past the browser's session, until sign-out or a refusal:
   * the field worker's page asks for it; other pages keep the tab's credential to the tab.
   */
  persist(): void {
    if (!this.token) return;
    try {
      this.device?.setItem(DEVICE_KEY, this.token);
    } catch {
      // Storage refused: the page still works until the browser closes.
    }
  }

  set(token: string): void {
    this.token = token;
    this.rejected = false;
    try {
      this.storage?.setItem(STORAGE_KEY, token);
      // Another account's copy kept on the device would come back after a restart: only a persisting page keeps one.
      if (readToken(this.device, DEVICE_KEY) !== token) this.device?.removeItem(DEVICE_KEY);
    } catch {
      // A kiosk that forbids storage still works until the tab reloads.
    }
  }

  clear(): void {
    this.token = null;
    try {
      this.storage?.removeItem(STORAGE_KEY);
      this.device?.removeItem(DEVICE_KEY);
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

function readToken(storage: TokenStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) || null;
  } catch {
    return null;
  }
}

function safeStorage(kind: 'sessionStorage' | 'localStorage'): TokenStorage | null {
  try {
    return typeof globalThis[kind] === 'undefined' ? null : globalThis[kind];
  } catch {
    // Locked-down kiosks may forbid storage altogether.
    return null;
  }
}

/** The one credential of this tab, shared by every API client and socket of the page. */
export const credential = new Credential();
