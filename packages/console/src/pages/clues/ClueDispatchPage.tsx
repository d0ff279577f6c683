import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import {
  clueEntityKinds,
  cluePriorities,
  cluesApi,
  operationsApi,
  problemMessage,
  type ClueEntityKind,
  type CluePriority,
} from '../../api';
import { showOnFields } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';

interface DispatchForm {
  targetUnitCode: string;
  title: string;
  content: string;
  priority: CluePriority;
  deadlineAt: Dayjs;
  operationId?: string;
  entities?: Array<{ kind: ClueEntityKind; value: string; label?: string }>;
}

/** 下发线索: one clue to a unit below the caller's, with what it is about, a deadline and a priority. */
export function ClueDispatchPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<DispatchForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const operations = useRemote(
    (signal) => operationsApi.find({ phase: 'active', pageSize: 100 }, signal),
    [],
  );

  const submit = async (values: DispatchForm) => {
    setSaving(true);
    setError(null);
    try {
      const { items } = await cluesApi.dispatch([
        {
          targetUnitCode: values.targetUnitCode,
          title: values.title.trim(),
          content: values.content.trim(),
          priority: values.priority,
          deadlineAt: values.deadlineAt.toISOString(),
          ...(values.operationId ? { operationId: values.operationId } : {}),
          entities: (values.entities ?? [])
            .filter((entity) => entity.value?.trim())
            .map((entity) => ({
              kind: entity.kind,
              value: entity.value.trim(),
              ...(entity.label?.trim() ? { label: entity.label.trim() } : {}),
            })),
        },
      ]);
      void navigate(`/clues/${items[0]!.id}`);
    } catch (reason) {
      // The platform names batch fields `/clues/0/<field>`; the form's fields are the same names.
      if (!showOnFields(form, reason, t, ['targetUnitCode', 'title', 'content', 'deadlineAt', 'operationId']))
        setError(reason);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('clues.form.title')}
        subtitle={t('clues.form.subtitle')}
        extra={<Link to="/clues/outbox">{t('clues.detail.back')}</Link>}
      />
      <Card>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={problemMessage(t, error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form<DispatchForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ priority: 'normal', deadlineAt: dayjs().add(7, 'day').endOf('day'), entities: [] }}
          style={{ maxWidth: 760 }}
        >
          <Form.Item
            name="targetUnitCode"
            label={t('clues.form.target')}
            extra={t('clues.form.targetHelp')}
            rules={[{ required: true, message: t('clues.form.targetRequired') }]}
          >
            <UnitTreeSelect aria-label={t('clues.form.target')} placeholder={t('clues.form.target')} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('clues.form.titleField')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('clues.form.content')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={5} maxLength={20_000} />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item name="priority" label={t('clues.form.priority')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                aria-label={t('clues.form.priority')}
                options={cluePriorities.map((priority) => ({
                  value: priority,
                  label: t(`clues.priority.${priority}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="deadlineAt" label={t('clues.form.deadline')} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                aria-label={t('clues.form.deadline')}
                disabledDate={(date) => date.isBefore(dayjs(), 'day')}
              />
            </Form.Item>
            <Form.Item name="operationId" label={t('clues.form.operation')}>
              <Select
                allowClear
                style={{ width: 240 }}
                aria-label={t('clues.form.operation')}
                placeholder={t('clues.form.operationNone')}
                loading={operations.loading}
                options={(operations.data?.items ?? []).map((operation) => ({
                  value: operation.id,
                  label: operation.name,
                }))}
              />
            </Form.Item>
          </Space>
          <Form.List name="entities">
            {(fields, { add, remove }) => (
              <Form.Item label={t('clues.form.entities')} extra={t('clues.form.entitiesHelp')}>
                <Flex vertical gap={8}>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'kind']} noStyle initialValue="number">
                        <Select
                          style={{ width: 120 }}
                          aria-label={t('clues.form.entityKind', { n: index + 1 })}
                          options={clueEntityKinds.map((kind) => ({
                            value: kind,
                            label: t(`clues.entity.${kind}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'value']} noStyle>
                        <Input
                          style={{ width: 260 }}
                          aria-label={t('clues.form.entityValue', { n: index + 1 })}
                          placeholder={t('clues.form.entityValue', { n: index + 1 })}
                          maxLength={200}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'label']} noStyle>
                        <Input
                          style={{ width: 180 }}
                          placeholder={t('clues.form.entityLabel')}
                          maxLength={200}
                        />
                      </Form.Item>
                      <MinusCircleOutlined
                        aria-label={t('clues.form.removeEntity')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'number' })}
                    style={{ width: 220 }}
                  >
                    {t('clues.form.addEntity')}
                  </Button>
                </Flex>
              </Form.Item>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('clues.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
