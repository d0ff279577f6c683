import { roles, type UserQuery, type UserSort } from '../../api';
import { oneOf, positiveInt, text } from '../../hooks/useUrlQuery';

export const userSorts: readonly UserSort[] = ['username', '-username', 'createdAt', '-createdAt'];

export type UsersUrlQuery = Required<Pick<UserQuery, 'page' | 'pageSize' | 'sort'>> &
  Pick<UserQuery, 'q' | 'unitCode' | 'role'>;

export function parseUsersQuery(params: URLSearchParams): UsersUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 100),
    sort: oneOf(params.get('sort'), userSorts) ?? '-createdAt',
    q: text(params.get('q')),
    unitCode: text(params.get('unitCode')),
    role: oneOf(params.get('role'), roles),
  };
}
