export { decideCandidate, listCandidates, submitNames, type DomainCandidate } from './service.js';
export { domainWatchRoutes } from './routes.js';
