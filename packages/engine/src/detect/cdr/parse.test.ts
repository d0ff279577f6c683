import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCdrCsvParser, parseCdrNdjsonLine, splitCsvLine } from './parse.js';

describe('parseCdrNdjsonLine', () => {
  it('reads a record with an ISO time in China time and direction aliases', () => {
    const result = parseCdrNdjsonLine(
      '{"caller":"17012345678","callee":"13812345678","start":"2026-11-02 10:00:00","duration":0,"direction":"MO","cell":"460-00-1-2","imei":"861234"}',
      7,
    );
    expect(result).toEqual({
      ok: true,
      record: {
        caller: '17012345678',
        callee: '13812345678',
        start: Date.parse('2026-11-02T02:00:00Z'),
        duration: 0,
        direction: 'outbound',
        cell: '460-00-1-2',
        imei: '861234',
      },
    });
  });

  it.each([
    ['{', 'not valid JSON'],
    ['[]', 'expected a JSON object'],
    [
      '{"caller":"1","callee":"2","start":"x","duration":1,"direction":"in","cell":"c","imei":"i"}',
      'invalid start',
    ],
    [
      '{"caller":"1","callee":"2","start":1,"duration":-1,"direction":"in","cell":"c","imei":"i"}',
      'invalid duration',
    ],
    [
      '{"caller":"1","callee":"2","start":1,"duration":1,"direction":"up","cell":"c","imei":"i"}',
      'invalid direction',
    ],
    ['{"callee":"2","start":1,"duration":1,"direction":"in","cell":"c","imei":"i"}', 'missing caller'],
  ])('reports %s with its line number', (line, error) => {
    const result = parseCdrNdjsonLine(line, 42);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(42);
      expect(result.error).toContain(error);
    }
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (line) => void parseCdrNdjsonLine(line, 1)));
    fc.assert(fc.property(fc.json(), (line) => void parseCdrNdjsonLine(line, 1)));
  });
});

describe('createCdrCsvParser', () => {
  it('reads columns in any order after the header, with quoting and epoch seconds', () => {
    const parse = createCdrCsvParser();
    expect(parse('imei,cell,direction,duration,start,callee,caller,extra', 1)).toBeNull();
    expect(parse('"86,1",c1,inbound,12,1762048800,13800000000,17000000000,x', 2)).toEqual({
      ok: true,
      record: {
        caller: '17000000000',
        callee: '13800000000',
        start: 1762048800000,
        duration: 12,
        direction: 'inbound',
        cell: 'c1',
        imei: '86,1',
      },
    });
    expect(parse('86,c1,sideways,12,1762048800,1,2', 3)).toMatchObject({ ok: false, line: 3 });
  });

  it('rejects a header without the CDR fields', () => {
    expect(createCdrCsvParser()('caller,callee', 1)).toMatchObject({
      ok: false,
      line: 1,
      error: expect.stringContaining('start'),
    });
  });

  it('splits quoted cells', () => {
    expect(splitCsvLine('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
  });
});
