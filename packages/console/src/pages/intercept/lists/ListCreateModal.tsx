import { Form, Input, Select } from 'antd';
import {
  ApiProblem,
  entryActions,
  intelApi,
  listKinds,
  type EntryAction,
  type IntelList,
  type ListKind,
} from '../../../api';
import { useMe } from '../../../auth';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../i18n';
import { UnitTreeSelect } from '../../../units/UnitTreeSelect';
import { listNamePattern } from './listRules';

interface CreateForm {
  name: string;
  title: string;
  kind: ListKind;
  defaultAction: EntryAction;
  description?: string;
  unitCode: string;
}

const fields = ['name', 'title', 'kind', 'defaultAction', 'description', 'unitCode'];

/** 新建名单 (analysts): a machine name, a title people read, what it holds and what a hit does. */
export function ListCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (list: IntelList) => void;
}) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<CreateForm>();

  const submit = async (values: CreateForm) => {
    const description = values.description?.trim();
    const list = await intelApi.createList({
      name: values.name.trim(),
      title: values.title.trim(),
      kind: values.kind,
      defaultAction: values.defaultAction,
      unitCode: values.unitCode,
      ...(description ? { description } : {}),
    });
    onCreated(list);
  };

  return (
    <FormModal<CreateForm>
      form={form}
      title={t('intel.lists.createTitle')}
      okText={t('common.create')}
      initialValues={{ kind: 'number', defaultAction: 'block', unitCode: me.unit.code }}
      fields={fields}
      mapError={(reason) => {
        if (reason instanceof ApiProblem && reason.code === 'conflict') {
          form.setFields([{ name: 'name', errors: [t('intel.lists.nameTaken')] }]);
          return null;
        }
        return reason;
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="title"
        label={t('intel.lists.form.title')}
        rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
      >
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('intel.lists.form.name')}
        extra={t('intel.lists.form.nameHelp')}
        rules={[
          { required: true, message: t('users.form.required') },
          { pattern: listNamePattern, message: t('intel.lists.form.invalidName') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={t('intel.lists.form.kind')} rules={[{ required: true }]}>
        <Select options={listKinds.map((kind) => ({ value: kind, label: t(`intel.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item
        name="defaultAction"
        label={t('intel.lists.form.defaultAction')}
        extra={t('intel.lists.form.defaultActionHelp')}
        rules={[{ required: true }]}
      >
        <Select
          options={entryActions.map((action) => ({ value: action, label: t(`verdict.action.${action}`) }))}
        />
      </Form.Item>
      <Form.Item name="unitCode" label={t('intel.lists.form.unit')} rules={[{ required: true }]}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="description" label={t('intel.lists.form.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
