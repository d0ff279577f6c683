import { DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { cluesApi, type ClueDetail, type ClueFeedback } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';

// The dialogs of a clue's page: a work note, the feedback, a transfer. Each sends one request and
// hands the clue as it now stands back to the page.

interface Props {
  clue: ClueDetail;
  onClose: () => void;
  onDone: (updated: ClueDetail) => void;
}

export function NoteModal({ clue, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <FormModal
      form={form}
      title={t('clues.note.title')}
      okText={t('clues.note.submit')}
      fields={['text']}
      onClose={onClose}
      onSubmit={async (values) => onDone(await cluesApi.note(clue.id, values.text.trim()))}
    >
      <Form.Item name="text" label={t('clues.note.text')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

type FeedbackForm = ClueFeedback;

export function FeedbackModal({ clue, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<FeedbackForm>();
  const result = Form.useWatch('result', form);
  const units = useRemote((signal) => cluesApi.provinceUnits(signal), []);
  return (
    <FormModal
      form={form}
      width={560}
      title={t('clues.feedback.title')}
      okText={t('clues.feedback.submit')}
      fields={['result', 'caughtCount', 'cardsSeized', 'moneyFrozen', 'rightUnitCode', 'note']}
      initialValues={{ result: 'verified' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const note = values.note?.trim();
        onDone(
          await cluesApi.feedback(clue.id, {
            result: values.result,
            ...(values.result === 'caught'
              ? {
                  caughtCount: values.caughtCount,
                  ...(values.cardsSeized !== undefined && values.cardsSeized !== null
                    ? { cardsSeized: values.cardsSeized }
                    : {}),
                  ...(values.moneyFrozen !== undefined && values.moneyFrozen !== null
                    ? { moneyFrozen: values.moneyFrozen }
                    : {}),
                }
              : {}),
            ...(values.result === 'not_ours' && values.rightUnitCode
              ? { rightUnitCode: values.rightUnitCode }
              : {}),
            ...(note ? { note } : {}),
          }),
        );
      }}
    >
      <Form.Item name="result" label={t('clues.feedback.result')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={(['verified', 'caught', 'not_found', 'not_ours'] as const).map((value) => ({
            value,
            label: t(`clues.result.${value}`),
          }))}
        />
      </Form.Item>
      {result === 'caught' && (
        <Space wrap size={16}>
          <Form.Item name="caughtCount" label={t('clues.feedback.caughtCount')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} aria-label={t('clues.feedback.caughtCount')} />
          </Form.Item>
          <Form.Item name="cardsSeized" label={t('clues.feedback.cardsSeized')}>
            <InputNumber min={0} precision={0} aria-label={t('clues.feedback.cardsSeized')} />
          </Form.Item>
          <Form.Item name="moneyFrozen" label={t('clues.feedback.moneyFrozen')}>
            <InputNumber min={0} aria-label={t('clues.feedback.moneyFrozen')} />
          </Form.Item>
        </Space>
      )}
      {result === 'not_ours' && (
        <Form.Item
          name="rightUnitCode"
          label={t('clues.feedback.rightUnit')}
          extra={t('clues.feedback.rightUnitHelp')}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('clues.feedback.rightUnit')}
            loading={units.loading}
            options={(units.data ?? [])
              .filter((unit) => unit.code !== clue.unit.code)
              .map((unit) => ({ value: unit.code, label: `${unit.name}（${unit.code}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('clues.feedback.note')}
        rules={
          result === 'not_ours'
            ? [{ required: true, whitespace: true, message: t('clues.feedback.reasonRequired') }]
            : []
        }
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

export function TransferModal({ clue, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ toUnitCode: string; reason: string; deadlineAt?: Dayjs }>();
  return (
    <FormModal
      form={form}
      title={t('clues.transfer.title')}
      okText={t('clues.transfer.submit')}
      fields={['toUnitCode', 'reason', 'deadlineAt']}
      initialValues={clue.suggestedUnit ? { toUnitCode: clue.suggestedUnit.code } : {}}
      onClose={onClose}
      onSubmit={async (values) =>
        onDone(
          await cluesApi.transfer(clue.id, {
            toUnitCode: values.toUnitCode,
            reason: values.reason.trim(),
            ...(values.deadlineAt ? { deadlineAt: values.deadlineAt.toISOString() } : {}),
          }),
        )
      }
    >
      <Form.Item
        name="toUnitCode"
        label={t('clues.transfer.to')}
        extra={
          clue.suggestedUnit ? t('clues.transfer.suggested', { unit: clue.suggestedUnit.name }) : undefined
        }
        rules={[{ required: true }]}
      >
        <UnitTreeSelect aria-label={t('clues.transfer.to')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('clues.transfer.reason')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="deadlineAt" label={t('clues.transfer.deadline')}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(date) => date.isBefore(dayjs(), 'day')}
        />
      </Form.Item>
    </FormModal>
  );
}
