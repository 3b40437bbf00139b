/**
 * Every error the API answers with, over HTTP and over the socket, by code.
 * Callers branch on `code`; the message is for people and may change. A
 * socket reply carries the same code HTTP answers with for the same request
 * (its status is what HTTP would say).
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid; see issues for each field.' },
  EVENTS_REJECTED: { status: 400, message: 'No event of the batch was valid; see results for each item.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be read.' },
  BAD_SUBSCRIPTION: { status: 400, message: 'The subscription request is not valid; see issues for each field.' },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Sign in first: send Authorization: Bearer <token> (a session token from POST /api/v1/auth/login, or the wall token).',
  },
  LOGIN_FAILED: { status: 401, message: 'The username or the password is wrong.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  OUT_OF_SCOPE: { status: 403, message: 'This lies outside the part of the territory your account covers.' },
  AREA_NOT_FOUND: { status: 404, message: 'No area has this id.' },
  HOUSEHOLD_NOT_FOUND: { status: 404, message: 'No household has this id.' },
  MEMBER_NOT_FOUND: { status: 404, message: 'No member has this id.' },
  USER_NOT_FOUND: { status: 404, message: 'No user has this id.' },
  BUILDING_NOT_FOUND: { status: 404, message: 'No building has this id.' },
  ROUND_NOT_FOUND: { status: 404, message: 'No round has this id.' },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'No campaign template has this id (and version).' },
  RULES_NOT_FOUND: { status: 404, message: 'No counting rules have this id (and version).' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such route.' },
  IMPORT_NOT_FOUND: { status: 404, message: 'No upload of yours has this id, or it has expired (uploads are kept an hour).' },
  ALREADY_EXISTS: { status: 409, message: 'A record with this id already exists.' },
  ROUND_ARCHIVED: { status: 409, message: 'The round is archived: it takes no events and no changes until an administrator unarchives it.' },
  AREA_ARCHIVED: { status: 409, message: 'The area (or the area above it) is archived: nothing new goes under it until an administrator unarchives it.' },
  AREA_NOT_EMPTY: { status: 409, message: 'The area still holds sub-areas or rounds that are not archived; archive them first (the message names them).' },
  ROUND_LOCKED: { status: 409, message: 'The round has counted events: its template and rules can no longer change.' },
  EVENT_CONFLICT: {
    status: 409,
    message: 'Some event ids are already stored with different content; the batch was refused and nothing was written.',
  },
  ROSTER_CHANGE_CONFLICT: {
    status: 409,
    message: 'This roster change id is already stored with different content; nothing was written.',
  },
  VERSION_RETIRED: {
    status: 410,
    message: 'This message version was retired: counts.subscribe:v2 went with the v2 counts; subscribe with counts.subscribe:v3 (see @gridsweep/core LiveCountsClient).',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests from your account; wait for the time in Retry-After.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send JSON (Content-Type: application/json).' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server. The request id identifies it in the logs.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];
