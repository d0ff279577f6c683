import { Alert, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { LineError } from '../entryLines';
import { invalidReasonText } from '../labels';

/** Every bad line of an add-entries request, with its number and reason; nothing was added. */
export function BadLinesAlert({ errors }: { errors: readonly LineError[] }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('intel.entries.badLines', { count: errors.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 200, overflow: 'auto' }}>
          {errors.map((error, index) => (
            <li key={index}>
              {error.line !== null && t('intel.entries.lineNo', { line: error.line })}
              {error.value !== null && (
                <Typography.Text code style={{ marginInline: 4 }}>
                  {error.value}
                </Typography.Text>
              )}
              {invalidReasonText(t, error.reason)}
            </li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
