import { Form, Input, Switch } from 'antd';
import { usersApi, type Role, type User } from '../../api';
import { FormModal } from '../../components/FormModal';
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

  const submit = async (values: EditForm) => {
    const saved = await usersApi.update(user.id, {
      displayName: values.displayName.trim(),
      roles: values.roles,
      disabled: values.disabled,
      ...(values.password ? { password: values.password } : {}),
    });
    onSaved(saved);
  };

  return (
    <FormModal<EditForm>
      form={form}
      title={t('users.form.editTitle', { username: user.username })}
      okText={t('common.save')}
      initialValues={{ displayName: user.displayName, roles: user.roles, disabled: user.disabled }}
      fields={fields}
      onSubmit={submit}
      onClose={onClose}
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
    </FormModal>
  );
}
