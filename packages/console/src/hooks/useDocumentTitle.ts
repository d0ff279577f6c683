import { useEffect } from 'react';
import { useT } from '../i18n';

/** "页面 · 反诈 fanzha" in the browser tab, so staff with many tabs open find the right one. */
export function useDocumentTitle(page: string | undefined): void {
  const t = useT();
  const product = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
