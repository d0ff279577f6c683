import { Alert, Descriptions, Form } from 'antd';
import { appealsApi, type Appeal } from '../../../api';
import { conflictAs, FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { mono } from '../labels';

interface DecideForm {
  reason: string;
}

interface AppealDecideModalProps {
  appeal: Appeal;
  decision: 'approve' | 'reject';
  onClose: () => void;
  onDecided: (appeal: Appeal) => void;
}

/** 批准 / 驳回 (analysts): the decision with its reason; approving says what it will change. */
export function AppealDecideModal({ appeal, decision, onClose, onDecided }: AppealDecideModalProps) {
  const t = useT();
  const [form] = Form.useForm<DecideForm>();
  const approve = decision === 'approve';

  const submit = async ({ reason }: DecideForm) => {
    onDecided(await appealsApi.decide(appeal.id, { decision, reason: reason.trim() }));
  };

  return (
    <FormModal<DecideForm>
      form={form}
      title={t(approve ? 'appeals.approveTitle' : 'appeals.rejectTitle')}
      okText={t(approve ? 'appeals.approve' : 'appeals.reject')}
      danger={!approve}
      mapError={conflictAs(t('appeals.alreadyDecided'))}
      onSubmit={submit}
      onClose={onClose}
      intro={
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('appeals.col.value')}>
              <span style={mono}>{appeal.value}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.col.list')}>{appeal.list}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.col.reason')}>{appeal.reason}</Descriptions.Item>
            {appeal.evidence && (
              <Descriptions.Item label={t('appeals.col.evidence')}>{appeal.evidence}</Descriptions.Item>
            )}
          </Descriptions>
          <Alert
            type={approve ? 'warning' : 'info'}
            showIcon
            title={t(approve ? 'appeals.approveEffect' : 'appeals.rejectEffect', {
              value: appeal.value,
              list: appeal.list,
            })}
            style={{ marginBottom: 12 }}
          />
        </>
      }
    >
      <ReasonField label={t('appeals.form.decisionReason')} extra={t('appeals.form.decisionReasonHelp')} />
    </FormModal>
  );
}
