/**
 * One error type for everything a client can be told. Each has a stable snake_case code that the
 * console and partners switch on; the HTTP layer maps it to an RFC 9457 problem-details response.
 * Anything else thrown becomes a 500 whose details stay in the log.
 */
export const errorStatus = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  unit_not_found: 404,
  user_not_found: 404,
  method_not_allowed: 405,
  username_taken: 409,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. `/roles/0`, or `body` for the whole body. */
  field: string;
  /** In English, for API clients and logs. */
  message: string;
  /** A stable snake_case code for what is wrong, where clients show their own text (the console, in Chinese). */
  code?: string;
  /** The values that text names (the cell's content, the row it conflicts with, …). */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

/** The English title of each problem type; the console shows its own Chinese text per code. */
export const errorTitle: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  invalid_json: 'The request body is not valid JSON',
  invalid_argument: 'An argument is not valid',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'Wrong username or password',
  forbidden: 'Your role does not allow this',
  not_found: 'Not found',
  unit_not_found: 'Unit not found',
  user_not_found: 'User not found',
  method_not_allowed: 'Method not allowed',
  username_taken: 'Username already taken',
  conflict: 'Conflict',
  invalid_transition: 'This status change is not allowed from the current status',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  too_many_attempts: 'Too many attempts; try again later',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  not_ready: 'Not ready',
};
