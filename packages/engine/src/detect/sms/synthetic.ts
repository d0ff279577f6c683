/**
 * Short SMS generated from templates, written by us (no outside corpus): the dev data's fraud texts are
 * long conversational messages of four fraud types and its advertising is one masked corpus, so short
 * real-world texts (a bank-phishing SMS with a link, a 刷单 invitation, 退订回T advertising, a delivery
 * notice) are out of its distribution. Templates fill that gap in two disjoint sets: the training
 * templates (`synthetic-train-templates.ts`, used by `npm run train:sms`) and the evaluation templates
 * (`fixtures/realistic-eval-templates.ts`, expanded into `fixtures/realistic-short-sms.jsonl`) are
 * written separately, with different wording and, where the slot is open (links, names, shops, amounts),
 * different slot values, so the realistic figures measure generalisation rather than recall of a template.
 *
 * Template syntax: `[a|b|c]` picks one alternative (no nesting), `{slot}` picks a value of the slot
 * table (values may hold alternatives and further slots, expanded in turn). Deterministic for a seed.
 */
import type { FraudType } from '../fraud-types.js';
import { mulberry32 } from '../random.js';
import type { SmsLabel } from './model.js';

export interface SmsTemplate {
  readonly label: SmsLabel;
  readonly fraudType: FraudType | null;
  readonly templates: readonly string[];
}

export type SlotTable = Readonly<Record<string, readonly string[]>>;

export interface GeneratedSms {
  readonly text: string;
  readonly label: SmsLabel;
  readonly fraudType: FraudType | null;
}

const ALTERNATIVES = /\[([^\][]*)\]/g;
const SLOT = /\{([a-z_0-9]+)\}/g;

/** Expands one template with the given generator; throws on an unknown slot (a typo in a template). */
export function expandTemplate(template: string, slots: SlotTable, random: () => number): string {
  let text = template;
  // Slot values may contain alternatives and slots themselves: expand until nothing is left.
  for (let depth = 0; depth < 8; depth++) {
    const before = text;
    text = text.replace(ALTERNATIVES, (_, body: string) => {
      const options = body.split('|');
      return options[Math.floor(random() * options.length)]!;
    });
    text = text.replace(SLOT, (_, name: string) => {
      const values = slots[name];
      if (!values || values.length === 0) throw new Error(`unknown template slot {${name}}`);
      return values[Math.floor(random() * values.length)]!;
    });
    if (text === before) break;
  }
  if (/[{}[\]|]/.test(text)) throw new Error(`template left unexpanded: ${template} → ${text}`);
  return text;
}

/**
 * Expands every template `perTemplate` times (duplicates dropped, first kept), in template order.
 * The same templates, slots and seed always give the same messages in the same order.
 */
export function generateSms(
  groups: readonly SmsTemplate[],
  slots: SlotTable,
  options: { perTemplate: number; seed: number },
): GeneratedSms[] {
  const random = mulberry32(options.seed);
  const seen = new Set<string>();
  const out: GeneratedSms[] = [];
  for (const group of groups) {
    for (const template of group.templates) {
      for (let i = 0; i < options.perTemplate; i++) {
        const text = expandTemplate(template, slots, random);
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ text, label: group.label, fraudType: group.fraudType });
      }
    }
  }
  return out;
}
