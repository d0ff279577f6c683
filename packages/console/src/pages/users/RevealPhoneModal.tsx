import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { usersApi, problemMessage, type User } from '../../api';
import { useT } from '../../i18n';
import { EyeOutlined } from '@ant-design/icons';

interface RevealForm {
  reason: string;
}

/** Shows a user's full phone number after the viewer states why; the platform audits the view. */
export function RevealPhoneModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<RevealForm>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [revealed, setRevealed] = useState<{ phone: string | null } | null>(null);

  const submit = async ({ reason }: RevealForm) => {
    setLoading(true);
    setError(null);
    try {
      setRevealed(await usersApi.revealPhone(user.id, reason.trim()));
    } catch (reason) {
      setError(reason);
    } finally {
      setLoading(false);
    }
  };

  const title = t('users.reveal.title', { username: user.username });

  if (revealed) {
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        footer={<Button onClick={onClose}>{t('users.reveal.close')}</Button>}
      >
        <Result
          icon={<EyeOutlined style={{ color: '#d97706' }} />}
          title={
            revealed.phone === null ? (
              t('users.reveal.noPhone')
            ) : (
              <Typography.Text
                copyable
                style={{ fontSize: 22, fontFamily: 'ui-monospace, monospace' }}
                aria-label={t('users.reveal.result')}
              >
                {revealed.phone}
              </Typography.Text>
            )
          }
          subTitle={t('users.reveal.logged')}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={title}
      okText={t('users.reveal.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('users.reveal.notice')} style={{ marginBottom: 12 }} />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<RevealForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('users.reveal.reason')}
          rules={[
            { required: true, whitespace: true, message: t('users.reveal.reasonRequired') },
            { min: 2, message: t('users.reveal.reasonTooShort') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
