import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { intelApi, problemMessage, type IntelEntry } from '../../../api';
import { useT } from '../../../i18n';
import { mono } from '../labels';

interface RemoveForm {
  reason: string;
}

/** 撤销条目 (analysts): withdraws a listed value, with a reason kept in its history and the audit log. */
export function EntryRemoveModal({
  entry,
  onClose,
  onRemoved,
}: {
  entry: IntelEntry;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RemoveForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async ({ reason }: RemoveForm) => {
    setSaving(true);
    setError(null);
    try {
      await intelApi.removeEntry(entry.list, {
        value: entry.value,
        match: entry.match,
        ...(entry.accountKind ? { accountKind: entry.accountKind } : {}),
        reason: reason.trim(),
      });
      onRemoved();
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('intel.entries.removeTitle')}
      okText={t('intel.entries.remove')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('intel.entries.col.value')}>
          <span style={mono}>{entry.value}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('intel.entries.col.list')}>{entry.list}</Descriptions.Item>
      </Descriptions>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<RemoveForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('intel.entries.removeReason')}
          rules={[
            { required: true, whitespace: true, message: t('users.form.required') },
            { min: 2, message: t('users.reveal.reasonTooShort') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
