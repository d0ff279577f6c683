import { Descriptions, Form } from 'antd';
import { intelApi, type IntelEntry } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { ReasonField } from '../../../components/ReasonField';
import { useT } from '../../../i18n';
import { mono } from '../labels';

interface RemoveForm {
  reason: string;
}

/** 撤销条目 (analysts): withdraws a listed value, with a reason kept in its history and the audit log. */
export function EntryRemoveModal({
  entry,
  onClose,
  onRemoved,
}: {
  entry: IntelEntry;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RemoveForm>();

  const submit = async ({ reason }: RemoveForm) => {
    await intelApi.removeEntry(entry.list, {
      value: entry.value,
      match: entry.match,
      ...(entry.accountKind ? { accountKind: entry.accountKind } : {}),
      reason: reason.trim(),
    });
    onRemoved();
  };

  return (
    <FormModal<RemoveForm>
      form={form}
      title={t('intel.entries.removeTitle')}
      okText={t('intel.entries.remove')}
      danger
      onSubmit={submit}
      onClose={onClose}
      intro={
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('intel.entries.col.value')}>
            <span style={mono}>{entry.value}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('intel.entries.col.list')}>{entry.list}</Descriptions.Item>
        </Descriptions>
      }
    >
      <ReasonField label={t('intel.entries.removeReason')} />
    </FormModal>
  );
}
