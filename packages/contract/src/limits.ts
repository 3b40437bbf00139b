// Every limit a client must know before it sends, in one place.

/** Events in one batch, over HTTP and over the socket. */
export const MAX_EVENTS_PER_BATCH = 500;

/** Areas an account's scope may name. */
export const MAX_SCOPE_AREAS = 1000;

/** Sign-in: a username is an id or an old account's name; a password is 10 to 200 characters when set. */
export const MAX_USERNAME_LENGTH = 64;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 100;

/** Why a member's full record was revealed: enough to mean something, short enough to read in the audit log. */
export const MIN_REVEAL_REASON_LENGTH = 4;
export const MAX_REVEAL_REASON_LENGTH = 500;

/** Why a round or an area was archived, when the administrator says: kept in the audit log. */
export const MAX_ARCHIVE_REASON_LENGTH = 500;

/** What a reveal is for: one of these, plus the reason in words. */
export const REVEAL_PURPOSES = ['home_visit', 'phone_follow_up', 'health_referral', 'record_correction', 'other'] as const;

/** Audit log pages. */
export const DEFAULT_AUDIT_PAGE = 100;
export const MAX_AUDIT_PAGE = 1000;

/** The deepest zoom the area tiles are cut at; deeper zooms overzoom this one. */
export const AREA_TILE_MAX_ZOOM = 15;
