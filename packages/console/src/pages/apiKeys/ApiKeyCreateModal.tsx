import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { apiKeysApi, apiKeyScopes, type ApiKeyCreated, type ApiKeyScope } from '../../api';
import { useMe } from '../../auth';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';

interface CreateForm {
  name: string;
  scopes: ApiKeyScope[];
  unitCode: string;
}

const fields = ['name', 'scopes', 'unitCode'];

/** The new key, once: copy it now, it is never shown again. */
function CreatedKey({ created, onClose }: { created: ApiKeyCreated; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard.writeText(created.key).then(
      () => void message.success(t('apiKeys.copied')),
      () => void message.warning(t('apiKeys.copyFailed')),
    );
  return (
    <Modal
      open
      title={t('apiKeys.createdTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('apiKeys.copy')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('apiKeys.copiedClose')}
          </Button>
        </>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.onceWarning')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        copyable={{ text: created.key, tooltips: [t('apiKeys.copy'), t('apiKeys.copied')] }}
        style={{ fontFamily: 'ui-monospace, monospace', fontSize: 15, wordBreak: 'break-all' }}
        aria-label={t('apiKeys.key')}
      >
        {created.key}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('apiKeys.usage')}</Typography.Text>
    </Modal>
  );
}

/** 新建接口密钥 (admin): who uses it, what it may call, which unit owns it. */
export function ApiKeyCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<CreateForm>();
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);

  const submit = async (values: CreateForm) => {
    setCreated(
      await apiKeysApi.create({
        name: values.name.trim(),
        scopes: values.scopes,
        unitCode: values.unitCode,
      }),
    );
    onCreated();
  };

  if (created) return <CreatedKey created={created} onClose={onClose} />;

  return (
    <FormModal<CreateForm>
      form={form}
      title={t('apiKeys.createTitle')}
      okText={t('common.create')}
      initialValues={{ scopes: ['screen'], unitCode: me.unit.code }}
      fields={fields}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('apiKeys.form.name')}
        extra={t('apiKeys.form.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('apiKeys.form.scopes')}
        rules={[{ required: true, message: t('users.form.required') }]}
      >
        <Checkbox.Group
          options={apiKeyScopes.map((scope) => ({ value: scope, label: t(`apiKeys.scope.${scope}`) }))}
        />
      </Form.Item>
      <Form.Item name="unitCode" label={t('apiKeys.form.unit')} rules={[{ required: true }]}>
        <UnitTreeSelect />
      </Form.Item>
    </FormModal>
  );
}
