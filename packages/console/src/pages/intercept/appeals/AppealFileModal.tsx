import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { ApiProblem, appealsApi, problemMessage, type Appeal, type IntelEntry } from '../../../api';
import { useT } from '../../../i18n';
import { ActionTag, mono } from '../labels';

interface AppealForm {
  reason: string;
  evidence?: string;
}

interface AppealFileModalProps {
  entry: IntelEntry;
  onClose: () => void;
  onFiled: (appeal: Appeal) => void;
}

/** 申诉 (officers, analysts): asks an analyst to release a value wrongly listed, with why and evidence. */
export function AppealFileModal({ entry, onClose, onFiled }: AppealFileModalProps) {
  const t = useT();
  const [form] = Form.useForm<AppealForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: AppealForm) => {
    setSaving(true);
    setError(null);
    try {
      const evidence = values.evidence?.trim();
      onFiled(
        await appealsApi.create({
          list: entry.list,
          value: entry.value,
          reason: values.reason.trim(),
          ...(evidence ? { evidence } : {}),
        }),
      );
    } catch (reason) {
      setError(
        reason instanceof ApiProblem && reason.code === 'conflict'
          ? new Error(t('appeals.alreadyPending'))
          : reason,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('appeals.fileTitle')}
      okText={t('appeals.fileSubmit')}
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
        <Descriptions.Item label={t('intel.entries.col.action')}>
          <ActionTag action={entry.action} />
        </Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon title={t('appeals.fileNotice')} style={{ marginBottom: 12 }} />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<AppealForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('appeals.form.reason')}
          rules={[
            { required: true, whitespace: true, message: t('users.form.required') },
            { min: 2, message: t('users.reveal.reasonTooShort') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount autoFocus />
        </Form.Item>
        <Form.Item name="evidence" label={t('appeals.form.evidence')} extra={t('appeals.form.evidenceHelp')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
