import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test-support/index.js';
import { provinceUnits } from './regions.js';

describe('provinceUnits', () => {
  it('builds Jiangsu: one provincial center, 13 cities and their county-level divisions', () => {
    const units = provinceUnits('32');
    expect(units.filter((u) => u.level === 'province')).toEqual([
      expect.objectContaining({ code: '320000', name: '江苏省', parentCode: null, path: '320000/' }),
    ]);
    const cities = units.filter((u) => u.level === 'city');
    expect(cities).toHaveLength(13);
    expect(cities.map((c) => c.name)).toContain('南京市');
    const xuanwu = units.find((u) => u.code === '320102');
    expect(xuanwu).toMatchObject({
      name: '玄武区',
      level: 'county',
      parentCode: '320100',
      path: '320000/320100/320102/',
    });
    expect(units.filter((u) => u.level === 'county').length).toBeGreaterThan(90);
  });

  it('works for any province, including municipalities whose counties sit directly under them', () => {
    const beijing = provinceUnits('11');
    expect(beijing[0]).toMatchObject({ code: '110000', name: '北京市' });
    expect(beijing.find((u) => u.code === '110101')).toMatchObject({
      name: '东城区',
      level: 'county',
      parentCode: '110100',
    });
    expect(provinceUnits('44').filter((u) => u.level === 'city').length).toBeGreaterThanOrEqual(21);
  });

  it('rejects an unknown province code', () => {
    expect(() => provinceUnits('99')).toThrow(/no province/);
  });
});

describe('GET /api/v1/units', () => {
  let sut: TestPlatform;
  beforeAll(async () => {
    sut = await createTestPlatform();
  });
  afterAll(() => sut.close());

  const unitsOf = async (username: string) => {
    const response = await sut.app.inject({
      url: '/api/v1/units',
      headers: { cookie: await sut.login(username) },
    });
    expect(response.statusCode).toBe(200);
    return response.json().items as Array<{ code: string; level: string; parentCode: string | null }>;
  };

  it('gives the province the whole tree, parents before children', async () => {
    const units = await unitsOf('province-analyst');
    expect(units.length).toBe(provinceUnits('32').length);
    const seen = new Set<string>();
    for (const unit of units) {
      if (unit.parentCode) expect(seen.has(unit.parentCode), unit.code).toBe(true);
      seen.add(unit.code);
    }
  });

  it('gives a city its own subtree and a county only itself', async () => {
    const nanjing = await unitsOf('nanjing-officer');
    expect(nanjing[0]).toMatchObject({ code: '320100', level: 'city' });
    expect(nanjing.every((u) => u.code.startsWith('3201'))).toBe(true);
    expect(nanjing.length).toBeGreaterThan(5);
    expect(await unitsOf('xuanwu-auditor')).toEqual([
      { code: '320102', name: '玄武区', level: 'county', parentCode: '320100' },
    ]);
  });
});
