import { useCallback } from 'react';
import type { IntelList } from '../../api';
import { useCan } from '../../auth';
import { useUnits } from '../../units/UnitsProvider';

/**
 * Whether the signed-in user may change a list: an analyst, and the list owned by a unit of the
 * user's subtree (the platform answers 403 otherwise; the dialogs still show that answer).
 */
export function useListWritable(): (list: IntelList | undefined) => boolean {
  const canWrite = useCan('intel.write');
  const { byCode } = useUnits();
  return useCallback(
    (list: IntelList | undefined) => canWrite && list !== undefined && byCode.has(list.unitCode),
    [canWrite, byCode],
  );
}
