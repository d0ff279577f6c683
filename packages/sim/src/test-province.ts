/** A small piece of Jiangsu's org tree, as `GET /api/v1/units` answers it, for the tests. */
import type { Unit } from './province.js';

export const TEST_UNITS: Unit[] = [
  { code: '320000', name: '江苏省', level: 'province', parentCode: null },
  { code: '320100', name: '南京市', level: 'city', parentCode: '320000' },
  { code: '320102', name: '玄武区', level: 'county', parentCode: '320100' },
  { code: '320104', name: '秦淮区', level: 'county', parentCode: '320100' },
  { code: '320200', name: '无锡市', level: 'city', parentCode: '320000' },
  { code: '320205', name: '锡山区', level: 'county', parentCode: '320200' },
  { code: '321300', name: '宿迁市', level: 'city', parentCode: '320000' },
  { code: '321302', name: '宿城区', level: 'county', parentCode: '321300' },
];
