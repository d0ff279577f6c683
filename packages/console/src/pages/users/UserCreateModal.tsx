import { Form, Input } from 'antd';
import { usersApi, type Role, type User } from '../../api';
import { useMe } from '../../auth';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { RoleSelect } from './RoleSelect';
import { passwordRules, phoneRules, usernameRules } from './userRules';

interface CreateForm {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  password: string;
  phone?: string;
}

const fields = ['username', 'displayName', 'unitCode', 'roles', 'password', 'phone'];

export function UserCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<CreateForm>();

  const submit = async (values: CreateForm) => {
    const phone = values.phone?.trim();
    const user = await usersApi.create({
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      unitCode: values.unitCode,
      roles: values.roles,
      password: values.password,
      ...(phone ? { phone } : {}),
    });
    onCreated(user);
  };

  return (
    <FormModal<CreateForm>
      form={form}
      title={t('users.form.createTitle')}
      okText={t('common.create')}
      initialValues={{ unitCode: me.unit.code, roles: ['officer'] }}
      fields={fields}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="username"
        label={t('users.form.username')}
        extra={t('users.form.usernameHelp')}
        rules={usernameRules(t)}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.form.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="unitCode"
        label={t('users.form.unit')}
        rules={[{ required: true, message: t('users.form.required') }]}
      >
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.form.roles')}
        rules={[{ required: true, message: t('users.form.required') }]}
      >
        <RoleSelect multiple />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.form.password')}
        extra={t('users.form.passwordHelp')}
        rules={passwordRules(t, true)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="phone" label={t('users.form.phone')} rules={phoneRules(t)}>
        <Input autoComplete="off" inputMode="numeric" />
      </Form.Item>
    </FormModal>
  );
}
