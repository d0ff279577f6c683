/**
 * Request bodies for the authorisation matrix (route-cases.ts): each call makes a new record's body
 * (a fresh username, person or reference), so that allowed requests never collide.
 */
import { residentId } from '../modules/cards/test-factories.js';

let serial = 0;

/** A number not used before in this run, for names and references. */
export const nextSerial = (): number => ++serial;
let appealSerial = 10;
export const newAppeal = () => ({
  list: 'matrix-appeals',
  value: `137000000${++appealSerial}`,
  reason: 'authorisation test',
});
export const newCase = (unitCode: string) => ({
  unitCode,
  fraudType: 'fake_police' as const,
  victim: { name: '测试' },
  amountLost: 0,
  footprints: [],
});
export const caseImport = () =>
  `案件参考号,案件类别,受害人姓名,损失金额（元）,线索类型,线索内容\nM-${++serial},冒充公检法,测试,0,域名,matrix-import.example.cn\n`;
export const newUser = (unitCode: string) => ({
  username: `matrix-${++serial}`,
  displayName: '测试',
  unitCode,
  roles: ['officer'],
  password: 'long-enough-1',
});

let punishmentSerial = 100;
/** A punishment of a new person each time (a person under punishment cannot be put under it again). */
export const newPunishment = (unitCode: string) => ({
  person: { name: '矩阵', idNumber: residentId('320102', ++punishmentSerial) },
  measures: ['financial'],
  reason: 'authorisation test',
  endsAt: '2099-01-01T00:00:00Z',
  unitCode,
});

/** A chain edge between two persons of 玄武区 (other than the matrix's own), the same every time. */
export const chainEdge = () => ({
  from: { name: '组织者', idNumber: '320102199001019031' },
  to: { name: '开卡人', idNumber: '32010219900101904X' },
  role: 'organiser',
});

export const newOperation = (unitCode?: string) => ({
  name: '矩阵行动',
  ...(unitCode && { unitCode }),
  windowFrom: '2026-01-01T00:00:00Z',
  windowTo: '2027-01-01T00:00:00Z',
  units: [{ unitCode: unitCode ?? '320102', targetSuspects: 1 }],
});
