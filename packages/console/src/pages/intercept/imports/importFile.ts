import type { ImportFormat, ImportJob } from '../../../api';

// What the import page works out on its own: a file's format from its name, the CSV template, and
// how far a job has got.

export function formatOfFileName(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json') || lower.endsWith('.stix')) return 'stix';
  return undefined;
}

/** The CSV columns the platform reads; only `value` is required. */
export const csvColumns = [
  'value',
  'action',
  'confidence',
  'source_kind',
  'source_id',
  'expires_at',
  'reason',
  'match',
  'account_kind',
] as const;

export const csvTemplate = [
  csvColumns.join(','),
  '+86 138 0000 0001,block,90,case,A3201202600001,,涉案号码,,',
  '0086-170-0000-1234,mark,60,report,12381-20260101-0001,2027-01-01T00:00:00+08:00,群众举报,exact,',
  '1700000,block,80,rule,virtual-range,,虚拟号段,prefix,',
  '',
].join('\r\n');

/** A data: link the browser downloads as the CSV template (with a BOM so spreadsheet programs read UTF-8). */
export function csvTemplateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csvTemplate}`)}`;
}

/**
 * Progress of the phase the job is in, in percent: the file read, then the rows written into the list;
 * null while reading an input of unknown size.
 */
export function processedPercent(
  job: Pick<ImportJob, 'status' | 'phase' | 'bytesRead' | 'totalBytes' | 'rowsRead' | 'written'>,
): number | null {
  if (job.status !== 'running') return 100;
  if (job.phase === 'writing')
    return Math.min(99, Math.floor((job.written / Math.max(1, job.rowsRead)) * 100));
  if (!job.totalBytes) return null;
  return Math.min(99, Math.floor((job.bytesRead / job.totalBytes) * 100));
}
