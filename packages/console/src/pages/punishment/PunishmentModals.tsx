import { Checkbox, DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { punishmentApi, punishmentMeasures, type Punishment, type PunishmentMeasure } from '../../api';
import { conflictAs, FormModal } from '../../components/FormModal';
import { ReasonField } from '../../components/ReasonField';
import { useT } from '../../i18n';

interface AddForm {
  name: string;
  idNumber: string;
  measures: PunishmentMeasure[];
  reason: string;
  caseId?: string;
  period: [Dayjs, Dayjs];
}

/** 新增惩戒: a person, the measures, why, and for how long (one punishment per measure). */
export function AddPunishmentModal({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<AddForm>();
  return (
    <FormModal<AddForm>
      form={form}
      title={t('punishment.add.title')}
      okText={t('punishment.add.submit')}
      initialValues={{ measures: ['financial', 'telecom'], period: [dayjs(), dayjs().add(5, 'year')] }}
      fields={['reason', 'caseId']}
      mapError={conflictAs(t('punishment.add.conflict'))}
      onSubmit={async (values) => {
        await punishmentApi.create({
          person: { name: values.name.trim(), idNumber: values.idNumber.trim().toUpperCase() },
          measures: values.measures,
          reason: values.reason.trim(),
          caseId: values.caseId?.trim() || undefined,
          startsAt: values.period[0].toISOString(),
          endsAt: values.period[1].toISOString(),
        });
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('punishment.col.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('punishment.col.idNumber')}
        rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('punishment.add.idInvalid') }]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="measures"
        label={t('punishment.col.measure')}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <Checkbox.Group
          options={punishmentMeasures.map((m) => ({ value: m, label: t(`punishment.measure.${m}`) }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('punishment.add.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="caseId" label={t('punishment.col.case')}>
        <Input maxLength={64} />
      </Form.Item>
      <ReasonField label={t('punishment.col.reason')} maxLength={500} />
    </FormModal>
  );
}

/** 提前解除, 申诉 and 申诉决定: one reason, and for a decision the choice. */
export function PunishmentActionModal({
  action,
  punishment,
  onDone,
  onClose,
}: {
  action: 'end' | 'appeal' | 'decide';
  punishment: Punishment;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; decision?: 'uphold' | 'revoke' }>();
  const subject = `${punishment.name} · ${t(`punishment.measure.${punishment.measure}`)}`;
  return (
    <FormModal<{ reason: string; decision?: 'uphold' | 'revoke' }>
      form={form}
      title={t(`punishment.${action}.title`, { subject })}
      okText={t(`punishment.${action}.submit`)}
      danger={action === 'end'}
      initialValues={{ decision: 'uphold' }}
      fields={['reason']}
      intro={<Typography.Paragraph type="secondary">{t(`punishment.${action}.intro`)}</Typography.Paragraph>}
      onSubmit={async ({ reason, decision }) => {
        if (action === 'end') await punishmentApi.end(punishment.id, reason.trim());
        else if (action === 'appeal') await punishmentApi.appeal(punishment.id, reason.trim());
        else {
          const detail = await punishmentApi.get(punishment.id);
          const open = detail.appeals.find((appeal) => appeal.status === 'filed');
          if (!open) throw new Error(t('punishment.decide.none'));
          await punishmentApi.decide(punishment.id, open.id, decision ?? 'uphold', reason.trim());
        }
        onDone();
      }}
      onClose={onClose}
    >
      {action === 'decide' && (
        <Form.Item name="decision" label={t('punishment.decide.decision')}>
          <Radio.Group
            options={[
              { value: 'uphold', label: t('punishment.decide.uphold') },
              { value: 'revoke', label: t('punishment.decide.revoke') },
            ]}
          />
        </Form.Item>
      )}
      <ReasonField label={t('punishment.col.reason')} />
    </FormModal>
  );
}
