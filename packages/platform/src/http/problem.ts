/**
 * Maps every failure to an RFC 9457 problem-details response with a stable code. Unexpected errors
 * become `internal_error` with no details for the client; the log keeps them.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorStatus, errorTitle, type ErrorCode, type FieldError } from '../errors.js';
import { fieldErrors } from './validation.js';

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
): FastifyReply {
  const status = errorStatus[code];
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://fanzha.dev/problems/${code.replace(/_/g, '-')}`,
      title: errorTitle[code],
      status,
      code,
      ...(detail ? { detail } : {}),
      instance: reply.request.url.split('?')[0],
      ...(errors?.length ? { errors } : {}),
    });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'rate_limited',
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, error.code, error.message, error.errors);
  if (error.validation) {
    const errors = fieldErrors(
      error.validation as Parameters<typeof fieldErrors>[0],
      error.validationContext,
    );
    const summary = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return sendProblem(reply, 'validation_failed', summary, errors);
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return sendProblem(reply, mapped, error.message);
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return sendProblem(reply, 'invalid_json', error.message);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(
      reply,
      error.statusCode === 413 ? 'payload_too_large' : 'validation_failed',
      error.message,
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'internal_error');
}
