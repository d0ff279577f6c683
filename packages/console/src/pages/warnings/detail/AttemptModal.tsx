import { Form, Input, InputNumber, Radio } from 'antd';
import {
  attemptChannels,
  attemptOutcomes,
  warningsApi,
  type AttemptBody,
  type AttemptChannel,
  type AttemptOutcome,
  type WarningDetail,
} from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../i18n';

interface AttemptForm {
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  amount?: number | null;
  note?: string;
  message?: string;
}

/** Outcomes that carry an amount: the payment stopped (loss avoided) or the one already made (loss). */
const withAmount: readonly AttemptOutcome[] = ['dissuaded', 'paid'];

/** 记录处置: one contact attempt (96110 call, flash SMS, visit) and what came of it. */
export function AttemptModal({
  warning,
  onClose,
  onRecorded,
}: {
  warning: WarningDetail;
  onClose: () => void;
  onRecorded: (warning: WarningDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<AttemptForm>();
  const channel = Form.useWatch('channel', form);
  const outcome = Form.useWatch('outcome', form);

  const submit = async (values: AttemptForm) => {
    const note = values.note?.trim();
    const message = values.message?.trim();
    const body: AttemptBody = {
      channel: values.channel,
      outcome: values.outcome,
      ...(withAmount.includes(values.outcome) && values.amount != null ? { amount: values.amount } : {}),
      ...(note ? { note } : {}),
      ...(values.channel === 'sms' && message ? { message } : {}),
    };
    onRecorded(await warningsApi.recordAttempt(warning.id, body));
  };

  return (
    <FormModal<AttemptForm>
      form={form}
      title={t('warnings.attempt.title', { phone: warning.phoneMasked })}
      okText={t('warnings.attempt.submit')}
      initialValues={{ channel: 'call', outcome: 'dissuaded' }}
      fields={['channel', 'outcome', 'amount', 'note', 'message']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="channel" label={t('warnings.attempt.channel')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={attemptChannels.map((value) => ({ value, label: t(`warnings.channel.${value}`) }))}
        />
      </Form.Item>
      {channel === 'sms' && (
        <Form.Item
          name="message"
          label={t('warnings.attempt.message')}
          extra={t('warnings.attempt.messageHelp')}
          initialValue={t('warnings.attempt.messageDefault')}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      )}
      <Form.Item name="outcome" label={t('warnings.attempt.outcome')} rules={[{ required: true }]}>
        <Radio.Group
          options={attemptOutcomes.map((value) => ({ value, label: t(`warnings.outcome.${value}`) }))}
        />
      </Form.Item>
      {outcome && withAmount.includes(outcome) && (
        <Form.Item
          name="amount"
          label={t(
            outcome === 'dissuaded' ? 'warnings.attempt.amountAvoided' : 'warnings.attempt.amountPaid',
          )}
          rules={[{ required: true, message: t('warnings.attempt.amountRequired') }]}
        >
          <InputNumber<number>
            min={0}
            max={1e10}
            precision={2}
            step={1000}
            suffix={t('warnings.yuanUnit')}
            style={{ width: 220 }}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('warnings.attempt.note')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
