import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { ApiProblem, appealsApi, problemMessage, type Appeal } from '../../../api';
import { useT } from '../../../i18n';
import { mono } from '../labels';

interface DecideForm {
  reason: string;
}

interface AppealDecideModalProps {
  appeal: Appeal;
  decision: 'approve' | 'reject';
  onClose: () => void;
  onDecided: (appeal: Appeal) => void;
}

/** 批准 / 驳回 (analysts): the decision with its reason; approving says what it will change. */
export function AppealDecideModal({ appeal, decision, onClose, onDecided }: AppealDecideModalProps) {
  const t = useT();
  const [form] = Form.useForm<DecideForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const approve = decision === 'approve';

  const submit = async ({ reason }: DecideForm) => {
    setSaving(true);
    setError(null);
    try {
      onDecided(await appealsApi.decide(appeal.id, { decision, reason: reason.trim() }));
    } catch (reason) {
      setError(
        reason instanceof ApiProblem && reason.code === 'conflict'
          ? new Error(t('appeals.alreadyDecided'))
          : reason,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(approve ? 'appeals.approveTitle' : 'appeals.rejectTitle')}
      okText={t(approve ? 'appeals.approve' : 'appeals.reject')}
      okButtonProps={{ danger: !approve }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('appeals.col.value')}>
          <span style={mono}>{appeal.value}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('appeals.col.list')}>{appeal.list}</Descriptions.Item>
        <Descriptions.Item label={t('appeals.col.reason')}>{appeal.reason}</Descriptions.Item>
        {appeal.evidence && (
          <Descriptions.Item label={t('appeals.col.evidence')}>{appeal.evidence}</Descriptions.Item>
        )}
      </Descriptions>
      <Alert
        type={approve ? 'warning' : 'info'}
        showIcon
        title={t(approve ? 'appeals.approveEffect' : 'appeals.rejectEffect', {
          value: appeal.value,
          list: appeal.list,
        })}
        style={{ marginBottom: 12 }}
      />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<DecideForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('appeals.form.decisionReason')}
          extra={t('appeals.form.decisionReasonHelp')}
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
