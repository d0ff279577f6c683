/**
 * Interns entry provenances (list, action, confidence, source, times, match rule) into small integer
 * ids, held in parallel arrays. Bulk imports share one provenance, so 10 million entries need a handful
 * of records and each entry stores only a 1–2 byte id.
 */
import { ACTION_BIT, ACTIONS, SOURCE_KINDS, type EntryProvenance } from './entry.js';

export class ProvenanceTable {
  private readonly ids = new Map<string, number>();
  private readonly lists: string[] = [];
  private readonly listIds = new Map<string, number>();
  /** Per record: list id, action bit, confidence, source kind index, source id, match rule, times. */
  readonly listOf: number[] = [];
  readonly actionBitOf: number[] = [];
  readonly confidenceOf: number[] = [];
  readonly expiresAtOf: number[] = [];
  private readonly records: Array<{ provenance: EntryProvenance; rule: string }> = [];

  get size(): number {
    return this.records.length;
  }

  /** The record id of a provenance and match rule, adding it on first sight. */
  intern(provenance: EntryProvenance, rule: string): number {
    const { list, action, confidence, source, addedAt, expiresAt } = provenance;
    const key = `${list}\u0000${action}\u0000${confidence}\u0000${source.kind}\u0000${source.id}\u0000${addedAt}\u0000${expiresAt}\u0000${rule}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.records.length;
    this.ids.set(key, id);
    this.records.push({
      provenance: Object.freeze({
        list,
        action,
        confidence,
        source: Object.freeze({ ...source }),
        addedAt,
        expiresAt,
      }),
      rule,
    });
    this.listOf.push(this.listId(list));
    this.actionBitOf.push(ACTION_BIT[action]);
    this.confidenceOf.push(confidence);
    this.expiresAtOf.push(expiresAt ?? Infinity);
    return id;
  }

  listId(list: string): number {
    let id = this.listIds.get(list);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(list);
      this.listIds.set(list, id);
    }
    return id;
  }

  /** Whether a record is in force at `now`. */
  live(record: number, now: number): boolean {
    return this.expiresAtOf[record]! > now;
  }

  provenanceOf(record: number): EntryProvenance {
    return this.records[record]!.provenance;
  }

  ruleOf(record: number): string {
    return this.records[record]!.rule;
  }
}

/** Whether a value is a well-formed provenance; the indices reject the rest with a reason. */
export function provenanceProblem(provenance: EntryProvenance): string | null {
  if (typeof provenance.list !== 'string' || provenance.list.length === 0) return 'bad_list';
  if (!ACTIONS.includes(provenance.action)) return 'bad_action';
  const { confidence } = provenance;
  if (!Number.isInteger(confidence) || confidence < 0 || confidence > 100) return 'bad_confidence';
  if (!provenance.source || !SOURCE_KINDS.includes(provenance.source.kind)) return 'bad_source';
  if (!Number.isFinite(provenance.addedAt)) return 'bad_added_at';
  if (provenance.expiresAt !== null && !Number.isFinite(provenance.expiresAt)) return 'bad_expires_at';
  return null;
}
