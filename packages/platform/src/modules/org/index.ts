export { getUnit, listUnits, seedProvince, toUnit } from './service.js';
export type { Unit } from './service.js';
export { provinceName, provinceUnits } from './regions.js';
export { orgRoutes } from './routes.js';
