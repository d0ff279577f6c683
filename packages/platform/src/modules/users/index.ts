export {
  createUser,
  getUser,
  listUsers,
  revealUserPhone,
  updateUserAccount,
  USERNAME_PATTERN,
} from './service.js';
export type { User, UserCreateInput } from './service.js';
export { userRoutes } from './routes.js';
