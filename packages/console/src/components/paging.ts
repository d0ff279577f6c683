import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../i18n';

/** The page part of a table's URL query. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** The page a table moved to (antd's `onChange` with action `paginate`), for the URL query. */
export function pageOf(pagination: TablePaginationConfig, query: Paging): Paging {
  return { page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize };
}

/** A table's pagination, driven by the URL query: page sizes to choose from and the total shown. */
export function paginationOf(
  t: Translate,
  query: Paging,
  total: number | undefined,
  pageSizeOptions: number[],
): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal: (count) => t('common.total', { total: count }),
  };
}
