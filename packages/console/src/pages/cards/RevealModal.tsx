import { useState } from 'react';
import { Descriptions, Form, Modal, Typography } from 'antd';
import { FormModal } from '../../components/FormModal';
import { ReasonField } from '../../components/ReasonField';
import { useT } from '../../i18n';
import { mono } from '../intercept/labels';

/** Asks why, then shows a person's full name and ID number (the platform writes the audit row). */
export function RevealModal({
  subject,
  reveal,
  onClose,
}: {
  /** The masked name shown in the title. */
  subject: string;
  reveal: (reason: string) => Promise<{ name: string; idNumber: string }>;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [shown, setShown] = useState<{ name: string; idNumber: string } | null>(null);
  if (shown)
    return (
      <Modal open title={t('cards.reveal.title', { name: subject })} footer={null} onCancel={onClose}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('cards.col.holderName')}>{shown.name}</Descriptions.Item>
          <Descriptions.Item label={t('cards.col.idNumber')}>
            <Typography.Text copyable style={mono}>
              {shown.idNumber}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Modal>
    );
  return (
    <FormModal<{ reason: string }>
      form={form}
      title={t('cards.reveal.title', { name: subject })}
      okText={t('cards.reveal.submit')}
      fields={['reason']}
      intro={<Typography.Paragraph type="secondary">{t('cards.reveal.audited')}</Typography.Paragraph>}
      onSubmit={async ({ reason }) => setShown(await reveal(reason.trim()))}
      onClose={onClose}
    >
      <ReasonField label={t('cards.reveal.reason')} maxLength={500} />
    </FormModal>
  );
}
