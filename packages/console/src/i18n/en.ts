import { common } from './en/common';
import { intercept } from './en/intercept';
import { domainWatch } from './en/domainWatch';
import { callerReview } from './en/callerReview';
import { warnings } from './en/warnings';
import { cases } from './en/cases';
import { clues } from './en/clues';
import { cards } from './en/cards';
import { system } from './en/system';
import type { Messages } from './zh';

// English texts for staff who prefer them and for visiting partners; keys follow `zh.ts`, section by
// section under `en/`.
export const en: Messages = {
  ...common,
  ...intercept,
  ...domainWatch,
  ...callerReview,
  ...warnings,
  ...cases,
  ...clues,
  ...cards,
  ...system,
};
