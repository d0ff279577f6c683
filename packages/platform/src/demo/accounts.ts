/**
 * The demo accounts: one per role at the province, at 南京市 and at 玄武区, all with the password
 * `fanzha-demo`. For a newcomer to click through; never seeded outside demo mode.
 */
import type { Role } from '../store/schema.js';

export const DEMO_PASSWORD = 'fanzha-demo';

const levels = [
  { prefix: 'province', unitCode: (province: string) => `${province}0000`, label: '省' },
  { prefix: 'nanjing', unitCode: () => '320100', label: '南京市' },
  { prefix: 'xuanwu', unitCode: () => '320102', label: '玄武区' },
] as const;

const roleNames: Record<Role, string> = {
  admin: '管理员',
  analyst: '研判员',
  officer: '民警',
  auditor: '审计员',
};

export interface DemoAccount {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
}

/** The demo accounts of a deployment; the city and county ones exist only when the province is Jiangsu (32). */
export function demoAccounts(provinceCode: string): DemoAccount[] {
  return levels
    .filter((level) => level.prefix === 'province' || provinceCode === '32')
    .flatMap((level) =>
      (Object.keys(roleNames) as Role[]).map((role) => ({
        username: `${level.prefix}-${role}`,
        displayName: `演示${level.prefix === 'province' ? '省' : level.label}${roleNames[role]}`,
        unitCode: level.unitCode(provinceCode),
        roles: [role],
      })),
    );
}
