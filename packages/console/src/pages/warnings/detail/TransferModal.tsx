import { Form } from 'antd';
import { warningsApi, type WarningDetail } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { UnitTreeSelect } from '../../../units/UnitTreeSelect';

interface TransferForm {
  unitCode: string;
  reason: string;
}

/** 转派: hands the warning to a unit of the caller's subtree (e.g. the county where the person really lives). */
export function TransferModal({
  warning,
  onClose,
  onTransferred,
}: {
  warning: WarningDetail;
  onClose: () => void;
  onTransferred: (warning: WarningDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<TransferForm>();
  return (
    <FormModal<TransferForm>
      form={form}
      title={t('warnings.transfer.title', { phone: warning.phoneMasked })}
      okText={t('warnings.transfer.submit')}
      fields={['unitCode', 'reason']}
      onSubmit={async ({ unitCode, reason }) =>
        onTransferred(await warningsApi.transfer(warning.id, { unitCode, reason: reason.trim() }))
      }
      onClose={onClose}
    >
      <Form.Item
        name="unitCode"
        label={t('warnings.transfer.unit')}
        rules={[{ required: true, message: t('users.form.required') }]}
      >
        <UnitTreeSelect placeholder={t('warnings.transfer.unit')} />
      </Form.Item>
      <ReasonField label={t('warnings.transfer.reason')} />
    </FormModal>
  );
}
