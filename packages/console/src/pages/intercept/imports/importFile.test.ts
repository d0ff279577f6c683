import { describe, expect, it } from 'vitest';
import { csvColumns, csvTemplate, formatOfFileName, processedPercent } from './importFile';

describe('formatOfFileName', () => {
  it('knows the formats by their usual extensions', () => {
    expect(formatOfFileName('numbers.CSV')).toBe('csv');
    expect(formatOfFileName('feed.ndjson')).toBe('ndjson');
    expect(formatOfFileName('feed.jsonl')).toBe('ndjson');
    expect(formatOfFileName('bundle.json')).toBe('stix');
    expect(formatOfFileName('notes.docx')).toBeUndefined();
  });
});

describe('csvTemplate', () => {
  it('has the platform’s columns and rows of the same width', () => {
    const [header, ...rows] = csvTemplate.trim().split('\r\n');
    expect(header).toBe(csvColumns.join(','));
    for (const row of rows) expect(row.split(',')).toHaveLength(csvColumns.length);
  });
});

describe('processedPercent', () => {
  const reading = { status: 'running', phase: 'reading', rowsRead: 0, written: 0 } as const;
  it('follows bytes read, never shows 100 before the job ends, and is unknown without a size', () => {
    expect(processedPercent({ ...reading, bytesRead: 50, totalBytes: 200 })).toBe(25);
    expect(processedPercent({ ...reading, bytesRead: 200, totalBytes: 200 })).toBe(99);
    expect(processedPercent({ ...reading, bytesRead: 50, totalBytes: null })).toBeNull();
    expect(processedPercent({ ...reading, status: 'failed', bytesRead: 10, totalBytes: 200 })).toBe(100);
  });

  it('then follows the rows written into the list', () => {
    const writing = { status: 'running', phase: 'writing', bytesRead: 200, totalBytes: 200 } as const;
    expect(processedPercent({ ...writing, rowsRead: 1_000, written: 250 })).toBe(25);
    expect(processedPercent({ ...writing, rowsRead: 1_000, written: 1_000 })).toBe(99);
  });
});
