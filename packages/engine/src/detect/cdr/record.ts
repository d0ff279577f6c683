/**
 * A call detail record (CDR) as the detectors read it. Records are written from the point of view of
 * the served subscriber, whose cell and handset (IMEI) the carrier logged: `outbound` means the served
 * subscriber is the caller, `inbound` that it is the callee.
 */
export type CallDirection = 'outbound' | 'inbound';

export interface CallDetailRecord {
  readonly caller: string;
  readonly callee: string;
  /** Call start, epoch milliseconds. */
  readonly start: number;
  /** Talk time in seconds; 0 means the call was not answered. */
  readonly duration: number;
  readonly direction: CallDirection;
  /** Serving cell id (LAC-CI or ECGI), as the carrier writes it. */
  readonly cell: string;
  readonly imei: string;
}

/** The number whose behaviour a record describes: the served subscriber. */
export function servedNumber(record: CallDetailRecord): string {
  return record.direction === 'outbound' ? record.caller : record.callee;
}

/** The other party of the call. */
export function otherParty(record: CallDetailRecord): string {
  return record.direction === 'outbound' ? record.callee : record.caller;
}
