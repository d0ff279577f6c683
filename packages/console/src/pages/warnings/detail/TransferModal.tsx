import { Checkbox, Form } from 'antd';
import { warningsApi, type WarningDetail } from '../../../api';
import { useMe } from '../../../auth';
import { FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { UnitTreeSelect } from '../../../units/UnitTreeSelect';

interface TransferForm {
  toProvince: boolean;
  unitCode?: string;
  reason: string;
}

/** The province of a unit code (GB/T 2260: its first two digits, then zeros), e.g. 320102 → 320000. */
export const provinceOf = (unitCode: string) => `${unitCode.slice(0, 2)}0000`;

/**
 * 转派: hands the warning to a unit of the caller's subtree (e.g. the county where the person really
 * lives), or to the province's queue when it is not the caller's area at all.
 */
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
  const me = useMe();
  const [form] = Form.useForm<TransferForm>();
  const toProvince = Form.useWatch('toProvince', form);
  const province = provinceOf(me.unit.code);
  const submit = async ({ toProvince, unitCode, reason }: TransferForm) => {
    const target = toProvince ? province : unitCode;
    if (!target) return;
    onTransferred(await warningsApi.transfer(warning.id, { unitCode: target, reason: reason.trim() }));
  };
  return (
    <FormModal<TransferForm>
      form={form}
      title={t('warnings.transfer.title', { phone: warning.phoneMasked })}
      okText={t('warnings.transfer.submit')}
      initialValues={{ toProvince: false }}
      fields={['unitCode', 'reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      {me.unit.code !== province && (
        <Form.Item name="toProvince" valuePropName="checked">
          <Checkbox>{t('warnings.transfer.toProvince')}</Checkbox>
        </Form.Item>
      )}
      {!toProvince && (
        <Form.Item
          name="unitCode"
          label={t('warnings.transfer.unit')}
          rules={[{ required: true, message: t('users.form.required') }]}
        >
          <UnitTreeSelect placeholder={t('warnings.transfer.unit')} />
        </Form.Item>
      )}
      <ReasonField label={t('warnings.transfer.reason')} />
    </FormModal>
  );
}
