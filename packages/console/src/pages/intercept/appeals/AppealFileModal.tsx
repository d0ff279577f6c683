import { Alert, Descriptions, Form, Input } from 'antd';
import { appealsApi, type Appeal, type IntelEntry } from '../../../api';
import { conflictAs, FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { ActionTag, mono } from '../labels';

interface AppealForm {
  reason: string;
  evidence?: string;
}

interface AppealFileModalProps {
  entry: IntelEntry;
  onClose: () => void;
  onFiled: (appeal: Appeal) => void;
}

/** 申诉 (officers, analysts): asks an analyst to release a value wrongly listed, with why and evidence. */
export function AppealFileModal({ entry, onClose, onFiled }: AppealFileModalProps) {
  const t = useT();
  const [form] = Form.useForm<AppealForm>();

  const submit = async (values: AppealForm) => {
    const evidence = values.evidence?.trim();
    onFiled(
      await appealsApi.create({
        list: entry.list,
        value: entry.value,
        reason: values.reason.trim(),
        ...(evidence ? { evidence } : {}),
      }),
    );
  };

  return (
    <FormModal<AppealForm>
      form={form}
      title={t('appeals.fileTitle')}
      okText={t('appeals.fileSubmit')}
      mapError={conflictAs(t('appeals.alreadyPending'))}
      onSubmit={submit}
      onClose={onClose}
      intro={
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('intel.entries.col.value')}>
              <span style={mono}>{entry.value}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('intel.entries.col.list')}>{entry.list}</Descriptions.Item>
            <Descriptions.Item label={t('intel.entries.col.action')}>
              <ActionTag action={entry.action} />
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon title={t('appeals.fileNotice')} style={{ marginBottom: 12 }} />
        </>
      }
    >
      <ReasonField label={t('appeals.form.reason')} maxLength={2000} />
      <Form.Item name="evidence" label={t('appeals.form.evidence')} extra={t('appeals.form.evidenceHelp')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
