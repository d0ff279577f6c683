import { Form, Input, Select, Space } from 'antd';
import { cardsApi, chainRoles, type ChainRole } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

interface ChainForm {
  fromName: string;
  fromId: string;
  role: ChainRole;
  toName: string;
  toId: string;
  caseId?: string;
  note?: string;
}

const idRule = /^\d{17}[\dXx]$/;

/** 记录链条关系: one person is the organiser / escort / buyer / seller / courier of another. */
export function ChainEdgeModal({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ChainForm>();
  const person = (prefix: 'from' | 'to') => (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item
        name={`${prefix}Name`}
        noStyle
        rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
      >
        <Input
          aria-label={t(`cards.chainForm.${prefix}Name`)}
          placeholder={t('cards.col.holderName')}
          style={{ width: '35%' }}
        />
      </Form.Item>
      <Form.Item
        name={`${prefix}Id`}
        noStyle
        rules={[{ required: true, pattern: idRule, message: t('punishment.add.idInvalid') }]}
      >
        <Input
          aria-label={t(`cards.chainForm.${prefix}Id`)}
          placeholder={t('cards.col.idNumber')}
          maxLength={18}
          style={{ width: '65%' }}
        />
      </Form.Item>
    </Space.Compact>
  );
  return (
    <FormModal<ChainForm>
      form={form}
      title={t('cards.chainForm.title')}
      okText={t('cards.chainForm.submit')}
      initialValues={{ role: 'organiser' }}
      fields={['caseId', 'note']}
      onSubmit={async (values) => {
        await cardsApi.recordChain({
          from: { name: values.fromName.trim(), idNumber: values.fromId.trim().toUpperCase() },
          to: { name: values.toName.trim(), idNumber: values.toId.trim().toUpperCase() },
          role: values.role,
          caseId: values.caseId?.trim() || undefined,
          note: values.note?.trim() || undefined,
        });
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item label={t('cards.chainForm.from')} required>
        {person('from')}
      </Form.Item>
      <Form.Item name="role" label={t('cards.chainForm.role')}>
        <Select options={chainRoles.map((role) => ({ value: role, label: t(`cards.role.${role}`) }))} />
      </Form.Item>
      <Form.Item label={t('cards.chainForm.to')} required>
        {person('to')}
      </Form.Item>
      <Form.Item name="caseId" label={t('punishment.col.case')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="note" label={t('cards.chainForm.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
