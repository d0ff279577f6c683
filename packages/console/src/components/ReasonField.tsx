import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { useT } from '../i18n';

/** The required "why" of a decision or removal (at least two characters), kept in history and audit. */
export function ReasonField({
  label,
  extra,
  maxLength = 1000,
}: {
  label: ReactNode;
  extra?: ReactNode;
  maxLength?: number;
}) {
  const t = useT();
  return (
    <Form.Item
      name="reason"
      label={label}
      {...(extra !== undefined ? { extra } : {})}
      rules={[
        { required: true, whitespace: true, message: t('users.form.required') },
        { min: 2, message: t('users.reveal.reasonTooShort') },
      ]}
    >
      <Input.TextArea rows={3} maxLength={maxLength} showCount autoFocus />
    </Form.Item>
  );
}
