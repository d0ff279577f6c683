import { common } from './zh/common';
import { intercept } from './zh/intercept';
import { domainWatch } from './zh/domainWatch';
import { callerReview } from './zh/callerReview';
import { warnings } from './zh/warnings';
import { cases } from './zh/cases';
import { clues } from './zh/clues';
import { cards } from './zh/cards';
import { system } from './zh/system';

// The console's Chinese texts: the reference dictionary, one module per section under `zh/`. Every key
// must exist in the matching `en/` module (the compiler checks it); placeholders are written `{name}`.
export const zh = {
  ...common,
  ...intercept,
  ...domainWatch,
  ...callerReview,
  ...warnings,
  ...cases,
  ...clues,
  ...cards,
  ...system,
} as const;

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;
