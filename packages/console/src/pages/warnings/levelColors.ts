import type { WarningLevel } from '../../api';

/** The colour of each warning level, for tags, timeline dots and charts. */
export const levelColors: Record<WarningLevel, string> = {
  red: '#dc2626',
  orange: '#ea580c',
  yellow: '#ca8a04',
};
