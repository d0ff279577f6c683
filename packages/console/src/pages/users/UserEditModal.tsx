import { useState } from 'react';
import { Alert, Form, Input, Modal, Switch } from 'antd';
import { usersApi, problemMessage, type Role, type User } from '../../api';
import { showOnFields } from '../../components/formErrors';
import { useT } from '../../i18n';
import { RoleSelect } from './RoleSelect';
import { passwordRules } from './userRules';

interface EditForm {
  displayName: string;
  roles: Role[];
  disabled: boolean;
  password?: string;
}

const fields = ['displayName', 'roles', 'disabled', 'password'];

interface UserEditModalProps {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
}

export function UserEditModal({ user, onClose, onSaved }: UserEditModalProps) {
  const t = useT();
  const [form] = Form.useForm<EditForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: EditForm) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await usersApi.update(user.id, {
        displayName: values.displayName.trim(),
        roles: values.roles,
        disabled: values.disabled,
        ...(values.password ? { password: values.password } : {}),
      });
      onSaved(saved);
    } catch (reason) {
      if (!showOnFields(form, reason, t, fields)) setError(reason);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.form.editTitle', { username: user.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ displayName: user.displayName, roles: user.roles, disabled: user.disabled }}
      >
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.form.roles')}
          rules={[{ required: true, message: t('users.form.required') }]}
        >
          <RoleSelect multiple />
        </Form.Item>
        <Form.Item name="disabled" label={t('users.form.disabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.form.newPassword')}
          extra={t('users.form.newPasswordHelp')}
          rules={passwordRules(t, false)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
