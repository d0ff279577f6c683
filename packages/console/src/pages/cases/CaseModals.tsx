import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ApiProblem,
  casesApi,
  problemMessage,
  withdrawalCauses,
  type CaseDetail,
  type CaseStatus,
  type Footprint,
  type MaskedPerson,
  type WithdrawalCause,
} from '../../api';
import { FormModal } from '../../components/FormModal';
import { ReasonField } from '../../components/ReasonField';
import { useT } from '../../i18n';
import { footprintProblemText } from './caseText';
import { FootprintRows, footprintOf, type FootprintRow } from './CaseCreatePage';

// The dialogs of a case's page: move it along its status flow, add or remove a footprint, reveal
// personal data. Each sends one request and hands the case as it now stands back to the page.

export function TransitionModal({
  theCase,
  to,
  onClose,
  onDone,
}: {
  theCase: CaseDetail;
  to: CaseStatus;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ cause?: WithdrawalCause; reason?: string }>();
  const cause = Form.useWatch('cause', form);
  const withdrawing = to === 'withdrawn';
  return (
    <FormModal
      form={form}
      title={t('cases.transition.title', { action: t(`cases.action.${to}`), id: theCase.id })}
      okText={t(`cases.action.${to}`)}
      danger={withdrawing}
      fields={['cause', 'reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        const reason = values.reason?.trim();
        onDone(
          await casesApi.transition(theCase.id, {
            to,
            ...(values.cause ? { cause: values.cause } : {}),
            ...(reason ? { reason } : {}),
          }),
        );
      }}
    >
      {withdrawing && (
        <Form.Item
          name="cause"
          label={t('cases.transition.cause')}
          rules={[{ required: true, message: t('cases.form.required') }]}
        >
          <Select
            aria-label={t('cases.transition.cause')}
            options={withdrawalCauses.map((value) => ({ value, label: t(`cases.cause.${value}`) }))}
          />
        </Form.Item>
      )}
      {cause === 'mistake' && (
        <Alert
          type="warning"
          showIcon
          title={t('cases.transition.mistakeWarning')}
          style={{ marginBottom: 12 }}
        />
      )}
      {withdrawing ? (
        <ReasonField label={t('cases.transition.reason')} />
      ) : (
        <Form.Item name="reason" label={t('cases.transition.reason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** A dialog about one footprint of the case; it hands the case as it now stands back. */
interface FootprintModalProps {
  theCase: CaseDetail;
  footprint: Footprint;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}

export function FootprintAddModal({
  theCase,
  onClose,
  onDone,
}: {
  theCase: CaseDetail;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ footprints: FootprintRow[] }>();
  return (
    <FormModal
      form={form}
      width={960}
      title={t('cases.detail.addFootprint')}
      okText={t('cases.detail.addFootprint')}
      initialValues={{ footprints: [{ choice: 'number', value: '' }] }}
      mapError={(error) =>
        error instanceof ApiProblem && error.errors.length > 0
          ? new Error(error.errors.map((item) => footprintProblemText(t, item.message)).join('；'))
          : error
      }
      onClose={onClose}
      onSubmit={async (values) =>
        onDone(await casesApi.addFootprints(theCase.id, values.footprints.map(footprintOf)))
      }
    >
      <FootprintRows t={t} single />
    </FormModal>
  );
}

export function FootprintRemoveModal({ theCase, footprint, onClose, onDone }: FootprintModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      form={form}
      danger
      title={t('cases.removeFootprint.title', { value: footprint.value })}
      okText={t('cases.detail.removeFootprint')}
      intro={<Typography.Paragraph>{t('cases.removeFootprint.intro')}</Typography.Paragraph>}
      fields={['reason']}
      onClose={onClose}
      onSubmit={async (values) =>
        onDone(await casesApi.removeFootprint(theCase.id, footprint.id, values.reason.trim()))
      }
    >
      <ReasonField label={t('cases.removeFootprint.reason')} maxLength={500} />
    </FormModal>
  );
}

/** 冻结: the officer records money the bank froze on an account of the case (audited). */
export function FootprintFreezeModal({ theCase, footprint, onClose, onDone }: FootprintModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ amount: number; frozenAt: Dayjs; reference?: string; note?: string }>();
  return (
    <FormModal
      form={form}
      title={t('cases.freeze.title', { value: footprint.value })}
      okText={t('cases.freeze.submit')}
      initialValues={{ frozenAt: dayjs() }}
      intro={<Typography.Paragraph type="secondary">{t('cases.freeze.intro')}</Typography.Paragraph>}
      fields={['amount', 'frozenAt', 'reference', 'note']}
      onClose={onClose}
      onSubmit={async (values) =>
        onDone(
          await casesApi.freeze(theCase.id, footprint.id, {
            amount: values.amount,
            frozenAt: values.frozenAt.toISOString(),
            ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}),
            ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          }),
        )
      }
    >
      <Form.Item
        name="amount"
        label={t('cases.freeze.amount')}
        rules={[{ required: true, message: t('cases.form.required') }]}
      >
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="frozenAt"
        label={t('cases.freeze.frozenAt')}
        rules={[{ required: true, message: t('cases.form.required') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reference" label={t('cases.freeze.reference')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('cases.form.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The victim's and suspects' full data after the viewer says why; the platform audits the view. */
export function RevealModal({ theCase, onClose }: { theCase: CaseDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [revealed, setRevealed] = useState<{ victim: MaskedPerson; suspects: MaskedPerson[] } | null>(null);
  const title = t('cases.reveal.title', { id: theCase.id });
  if (revealed) {
    const none = t('common.none');
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        footer={<Button onClick={onClose}>{t('cases.reveal.close')}</Button>}
      >
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('cases.form.victimName')}>
            {revealed.victim.name ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.form.victimPhone')}>
            {revealed.victim.phone ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.form.victimIdNumber')}>
            {revealed.victim.idNumber ?? none}
          </Descriptions.Item>
          {revealed.suspects.map((suspect, index) => (
            <Descriptions.Item key={index} label={`${t('cases.detail.suspects')} ${index + 1}`}>
              {[suspect.name, suspect.phone, suspect.idNumber].filter(Boolean).join(' · ') || none}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={title}
      okText={t('cases.reveal.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('cases.reveal.audited')}</Typography.Paragraph>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }: { reason: string }) => {
          setError(null);
          try {
            setRevealed(await casesApi.reveal(theCase.id, reason.trim()));
          } catch (reason) {
            setError(reason);
          }
        }}
      >
        <ReasonField label={t('cases.reveal.reason')} maxLength={500} />
      </Form>
    </Modal>
  );
}
