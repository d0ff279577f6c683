export { ApiProblem, isAbort, setUnauthorizedHandler, type FieldError } from './client';
export {
  apiKeysApi,
  appealsApi,
  authApi,
  auditApi,
  domainWatchApi,
  importContentTypes,
  importsApi,
  intelApi,
  screenApi,
  unitsApi,
  usersApi,
} from './endpoints';
export type { UploadProgress } from './upload';
export { problemMessage } from './problemMessage';
export * from './types';
export * from './warnings';
export * from './cases';
export * from './clues';
export * from './cards';
export * from './callerReview';
