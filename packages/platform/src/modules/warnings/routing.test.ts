import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProvince } from '../org/index.js';
import { createTestStore, type TestStore } from '../../test-support/index.js';
import { residentId } from '../../test-support/warnings.js';
import { coreName, UnitDirectory } from './routing.js';

let store: TestStore;
let sut: UnitDirectory;

beforeAll(async () => {
  store = await createTestStore();
  await seedProvince(store.ctx);
  sut = new UnitDirectory(store.ctx.db);
  await sut.refresh();
});
afterAll(() => store.close());

describe('coreName', () => {
  it.each([
    ['南京市', '南京'],
    ['江苏省', '江苏'],
    ['吐鲁番地区', '吐鲁番'],
    ['吐鲁番市', '吐鲁番'],
    ['新疆维吾尔自治区', '新疆'],
    ['延边朝鲜族自治州', '延边朝鲜族'],
    ['襄樊市', '襄阳'],
  ])('%s → %s', (name, core) => expect(coreName(name)).toBe(core));
});

describe('UnitDirectory.route', () => {
  it('takes the county of registered residence when the ID number names a unit of the tree', () => {
    expect(sut.route('+8613812345678', residentId('320102'))).toEqual({
      unitCode: '320102',
      routedBy: 'residence',
    });
  });

  it('falls back to the city of the number’s home region when the residence is elsewhere or unknown', () => {
    // 13812345678: 连云港市; a resident of Beijing (110105) living on a Jiangsu number.
    expect(sut.route('+8613812345678', residentId('110105'))).toEqual({
      unitCode: '320700',
      routedBy: 'home_region',
    });
    expect(sut.route('+8613951005678', null)).toEqual({ unitCode: '320100', routedBy: 'home_region' });
    // A fixed line's area code: 025 is 南京.
    expect(sut.route('+862584123456', null)).toEqual({ unitCode: '320100', routedBy: 'home_region' });
  });

  it('sends out-of-province numbers (and numbers without a known region) to the province', () => {
    expect(sut.route('+8613600005678', null)).toEqual({ unitCode: '320000', routedBy: 'province' });
    expect(sut.route('+861065123456', null)).toEqual({ unitCode: '320000', routedBy: 'province' });
  });

  it('maps every Jiangsu city of the number plan to its unit', () => {
    for (const city of [
      '南京市',
      '无锡市',
      '徐州市',
      '常州市',
      '苏州市',
      '南通市',
      '连云港市',
      '淮安市',
      '盐城市',
      '扬州市',
      '镇江市',
      '泰州市',
      '宿迁市',
    ])
      expect(sut.unitOfHomeRegion({ province: '江苏省', city })?.name, city).toBe(city);
    expect(sut.unitOfHomeRegion({ province: '安徽省', city: '南京市' })).toBeNull();
  });
});
