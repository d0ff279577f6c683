import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { domainWatchApi, problemMessage, type DomainWatchSubmitResult } from '../../../api';
import { useT } from '../../../i18n';
import { MAX_NAMES_PER_SUBMIT, parseNames } from './candidatesQuery';

interface SubmitForm {
  feed: string;
  names: string;
}

interface DomainSubmitModalProps {
  onClose: () => void;
  onSubmitted: (result: DomainWatchSubmitResult) => void;
}

/** 提交新域名 (analysts): a batch of new names, one per line, scored at once by the detector. */
export function DomainSubmitModal({ onClose, onSubmitted }: DomainSubmitModalProps) {
  const t = useT();
  const [form] = Form.useForm<SubmitForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const count = parseNames(Form.useWatch('names', form) ?? '').length;

  const submit = async (values: SubmitForm) => {
    setSaving(true);
    setError(null);
    try {
      onSubmitted(await domainWatchApi.submit({ feed: values.feed.trim(), names: parseNames(values.names) }));
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={600}
      title={t('domainWatch.submitTitle')}
      okText={t('domainWatch.submitSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('domainWatch.submitNotice')} style={{ marginBottom: 12 }} />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<SubmitForm> form={form} layout="vertical" onFinish={submit} initialValues={{ feed: 'analyst' }}>
        <Form.Item
          name="feed"
          label={t('domainWatch.form.feed')}
          extra={t('domainWatch.form.feedHelp')}
          rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
        >
          <Input maxLength={100} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="names"
          label={t('domainWatch.form.names')}
          extra={t('domainWatch.form.namesCount', { count })}
          rules={[
            { required: true, whitespace: true, message: t('users.form.required') },
            {
              validator: (_, value: string | undefined) =>
                parseNames(value ?? '').length > MAX_NAMES_PER_SUBMIT
                  ? Promise.reject(new Error(t('domainWatch.form.tooMany', { max: MAX_NAMES_PER_SUBMIT })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea rows={8} spellCheck={false} style={{ fontFamily: 'ui-monospace, monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
