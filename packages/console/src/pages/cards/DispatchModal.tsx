import { DatePicker, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { cardsApi, cluePriorities, type CardGrouping, type DispatchTargetsResult } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';

interface DispatchForm {
  deadline: Dayjs;
  priority: (typeof cluePriorities)[number];
}

/** 一键下发: the chosen key targets (or all undispatched ones) become clues to the units below. */
export function DispatchModal({
  unit,
  by,
  personIds,
  onDone,
  onClose,
}: {
  unit: string | undefined;
  by: CardGrouping;
  /** Empty: every key target of the unit not dispatched yet. */
  personIds: string[];
  onDone: (result: DispatchTargetsResult) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DispatchForm>();
  return (
    <FormModal<DispatchForm>
      form={form}
      title={t('cards.dispatch.title')}
      okText={t('cards.dispatch.submit')}
      initialValues={{ deadline: dayjs().add(7, 'day').endOf('day'), priority: 'high' }}
      fields={['deadlineAt', 'priority']}
      intro={
        <Typography.Paragraph type="secondary">
          {personIds.length > 0
            ? t('cards.dispatch.selected', { count: personIds.length })
            : t('cards.dispatch.all')}
        </Typography.Paragraph>
      }
      onSubmit={async (values) =>
        onDone(
          await cardsApi.dispatch({
            unit,
            by,
            ...(personIds.length > 0 ? { personIds } : {}),
            deadlineAt: values.deadline.toISOString(),
            priority: values.priority,
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item name="deadline" label={t('cards.dispatch.deadline')} rules={[{ required: true }]}>
        <DatePicker showTime style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="priority" label={t('cards.dispatch.priority')}>
        <Select
          options={cluePriorities.map((priority) => ({
            value: priority,
            label: t(`clues.priority.${priority}`),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
