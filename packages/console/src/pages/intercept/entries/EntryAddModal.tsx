import { useState } from 'react';
import { Alert, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  accountKinds,
  ApiProblem,
  entryActions,
  intelApi,
  matchesByKind,
  problemMessage,
  sourceKinds,
  type EntryAction,
  type EntryInput,
  type EntryMatch,
  type IntelList,
  type SourceKind,
} from '../../../api';
import { useT } from '../../../i18n';
import { lineErrors, parseValueLines, type LineError } from '../entryLines';
import { ListSelect } from '../ListSelect';
import { BadLinesAlert } from './BadLinesAlert';

interface AddForm {
  list: string;
  values: string;
  match?: EntryMatch;
  accountKind?: string;
  action?: EntryAction;
  confidence?: number | null;
  sourceKind?: SourceKind;
  sourceId?: string;
  expiresAt?: Dayjs | null;
  reason?: string;
}

interface EntryAddModalProps {
  lists: readonly IntelList[];
  initialList?: string | undefined;
  onClose: () => void;
  onAdded: (added: number) => void;
}

function toEntries(values: AddForm, lines: ReturnType<typeof parseValueLines>): EntryInput[] {
  const sourceId = values.sourceId?.trim();
  const reason = values.reason?.trim();
  const shared: Omit<EntryInput, 'value'> = {
    ...(values.match ? { match: values.match } : {}),
    ...(values.accountKind ? { accountKind: values.accountKind } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(typeof values.confidence === 'number' ? { confidence: values.confidence } : {}),
    ...(values.sourceKind && sourceId ? { source: { kind: values.sourceKind, id: sourceId } } : {}),
    ...(values.expiresAt ? { expiresAt: values.expiresAt.toISOString() } : {}),
    ...(reason ? { reason } : {}),
  };
  return lines.map((line) => ({ value: line.value, ...shared }));
}

/** 添加条目 (analysts): values one per line, with what they share; all or nothing, bad lines named. */
export function EntryAddModal({ lists, initialList, onClose, onAdded }: EntryAddModalProps) {
  const t = useT();
  const [form] = Form.useForm<AddForm>();
  const [error, setError] = useState<unknown>(null);
  const [badLines, setBadLines] = useState<LineError[]>([]);
  const [saving, setSaving] = useState(false);
  const listName = Form.useWatch('list', form) ?? initialList;
  const list = lists.find((candidate) => candidate.name === listName);

  const submit = async (values: AddForm) => {
    const lines = parseValueLines(values.values);
    setSaving(true);
    setError(null);
    setBadLines([]);
    try {
      const { added } = await intelApi.addEntries(values.list, toEntries(values, lines));
      onAdded(added);
    } catch (reason) {
      if (reason instanceof ApiProblem && reason.code === 'validation_failed' && reason.errors.length > 0) {
        setBadLines(lineErrors(reason.errors, lines));
      } else setError(reason);
    } finally {
      setSaving(false);
    }
  };

  const matches = list ? matchesByKind[list.kind] : [];
  return (
    <Modal
      open
      width={640}
      title={t('intel.entries.addTitle')}
      okText={t('intel.entries.addSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {badLines.length > 0 && <BadLinesAlert errors={badLines} />}
      <Form<AddForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ list: initialList }}
        onValuesChange={(changed: Partial<AddForm>) => {
          if ('list' in changed) form.setFieldsValue({ match: undefined, accountKind: undefined });
        }}
      >
        <Form.Item
          name="list"
          label={t('intel.entries.form.list')}
          rules={[{ required: true, message: t('users.form.required') }]}
        >
          <ListSelect lists={lists} />
        </Form.Item>
        <Form.Item
          name="values"
          label={t('intel.entries.form.values')}
          extra={t('intel.entries.form.valuesHelp')}
          rules={[{ required: true, whitespace: true, message: t('users.form.required') }]}
        >
          <Input.TextArea rows={6} spellCheck={false} style={{ fontFamily: 'ui-monospace, monospace' }} />
        </Form.Item>
        <Flex gap={12} wrap>
          {matches.length > 1 && (
            <Form.Item name="match" label={t('intel.entries.form.match')} style={{ minWidth: 180 }}>
              <Select
                allowClear
                placeholder={t(`intel.match.${matches[0] ?? 'exact'}`)}
                options={matches.map((match) => ({ value: match, label: t(`intel.match.${match}`) }))}
              />
            </Form.Item>
          )}
          {list?.kind === 'account' && (
            <Form.Item
              name="accountKind"
              label={t('intel.entries.form.accountKind')}
              rules={[{ required: true, message: t('users.form.required') }]}
              style={{ minWidth: 160 }}
            >
              <Select
                options={accountKinds.map((kind) => ({ value: kind, label: t(`intel.accountKind.${kind}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="action" label={t('intel.entries.form.action')} style={{ minWidth: 160 }}>
            <Select
              allowClear
              placeholder={
                list
                  ? t('intel.entries.form.listDefault', { action: t(`verdict.action.${list.defaultAction}`) })
                  : undefined
              }
              options={entryActions.map((action) => ({
                value: action,
                label: t(`verdict.action.${action}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="confidence" label={t('intel.entries.form.confidence')} style={{ width: 120 }}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="sourceKind" label={t('intel.entries.form.sourceKind')} style={{ minWidth: 140 }}>
            <Select
              allowClear
              options={sourceKinds.map((kind) => ({ value: kind, label: t(`intel.source.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="sourceId"
            label={t('intel.entries.form.sourceId')}
            extra={t('intel.entries.form.sourceIdHelp')}
            style={{ flex: 1, minWidth: 180 }}
          >
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('intel.entries.form.expiresAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t('intel.entries.form.reason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
