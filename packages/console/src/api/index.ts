export { ApiProblem, isAbort, setUnauthorizedHandler, type FieldError } from './client';
export { authApi, auditApi, unitsApi, usersApi } from './endpoints';
export { problemMessage } from './problemMessage';
export * from './types';
