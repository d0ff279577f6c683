/**
 * @fanzha/sim — the province simulator. It builds a population, fraud gangs and their victims from a
 * seed, drives a platform through its public HTTP interfaces (screening and events with an API key,
 * lists and warnings as the demo's analyst and officer), and scores the platform against the ground
 * truth it keeps. It never imports the platform; the platform's `fanzha sim` command imports it.
 */
export {
  HttpPlatformClient,
  PlatformError,
  type AttemptInput,
  type Credentials,
  type EntrySpec,
  type EventsAnswer,
  type HttpClientOptions,
  type ListSpec,
  type PartnerEvent,
  type PlatformClient,
  type ScreenItem,
  type VerdictAction,
  type WarningSummary,
} from './client.js';
export { injectScenario, type InjectedScenario, type ScenarioRequest } from './inject.js';
export type { Gang, GangAsset, GangContact, Person, SimPlan, VictimPlan, VictimStep } from './model.js';
export { completedVictims, DEFAULT_PLAN_OPTIONS, generatePlan, type PlanOptions } from './plan.js';
export { provinceFromUnits, type City, type County, type Province, type Unit } from './province.js';
export { computeReport, type Observations, type SimReport } from './report.js';
export { generateResidentId, isValidResidentId } from './resident-id.js';
export { runSimulation, type SimOptions, type SimResult, type VictimOutcome } from './simulation.js';
