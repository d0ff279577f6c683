import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import {
  fraudTypes,
  isAbort,
  operationsApi,
  problemMessage,
  type OperationBody,
  type OperationDetail,
} from '../../api';
import { showOnFields } from '../../components/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { fraudTypeLabel } from '../cases/labels';

interface OperationForm {
  name: string;
  window: [Dayjs, Dayjs];
  fraudTypes?: NonNullable<OperationBody['fraudTypes']>;
  cardTrade?: boolean;
  description?: string;
  units: Array<{ unitCode: string; targetSuspects?: number; targetCases?: number }>;
}

/** The form's values of an operation as it stands (the window's end is exclusive: its last day is the day before). */
function formOf(operation: OperationDetail): OperationForm {
  return {
    name: operation.name,
    window: [dayjs(operation.windowFrom), dayjs(operation.windowTo).subtract(1, 'day')],
    fraudTypes: operation.fraudTypes as OperationForm['fraudTypes'],
    cardTrade: operation.cardTrade,
    description: operation.description,
    units: operation.units.map((unit) => ({
      unitCode: unit.unit.code,
      targetSuspects: unit.targetSuspects,
      targetCases: unit.targetCases,
    })),
  };
}

/** 新建专项行动 (or 修改, under /operations/:id/edit): name, window, focus, and the units taking part with their targets. */
export function OperationFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const [form] = Form.useForm<OperationForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    operationsApi.get(id, controller.signal).then(
      (operation) => form.setFieldsValue(formOf(operation)),
      (reason: unknown) => {
        if (!isAbort(reason)) setError(reason);
      },
    );
    return () => controller.abort();
  }, [id, form]);

  const submit = async (values: OperationForm) => {
    setSaving(true);
    setError(null);
    try {
      const body: OperationBody = {
        name: values.name.trim(),
        windowFrom: values.window[0].startOf('day').toISOString(),
        windowTo: values.window[1].add(1, 'day').startOf('day').toISOString(),
        fraudTypes: values.fraudTypes ?? [],
        cardTrade: values.cardTrade ?? false,
        ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        units: values.units.map((unit) => ({
          unitCode: unit.unitCode,
          targetSuspects: unit.targetSuspects ?? 0,
          targetCases: unit.targetCases ?? 0,
        })),
      };
      const saved = id ? await operationsApi.update(id, body) : await operationsApi.create(body);
      void navigate(`/operations/${saved.id}`);
    } catch (reason) {
      if (!showOnFields(form, reason, t, ['name', 'windowTo'])) setError(reason);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t(id ? 'operations.form.editTitle' : 'operations.form.title')}
        subtitle={t('operations.form.subtitle')}
        extra={<Link to="/operations">{t('operations.back')}</Link>}
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
        <Form<OperationForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ window: [dayjs(), dayjs().add(30, 'day')], units: [{}] }}
          style={{ maxWidth: 760 }}
        >
          <Form.Item
            name="name"
            label={t('operations.form.name')}
            extra={t('operations.form.nameHelp')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="window" label={t('operations.form.window')} rules={[{ required: true }]}>
            <DatePicker.RangePicker aria-label={t('operations.form.window')} />
          </Form.Item>
          <Form.Item
            name="fraudTypes"
            label={t('operations.form.fraudTypes')}
            extra={t('operations.form.fraudTypesHelp')}
          >
            <Select
              mode="multiple"
              allowClear
              aria-label={t('operations.form.fraudTypes')}
              options={[...fraudTypes, 'other' as const].map((type) => ({
                value: type,
                label: fraudTypeLabel(t, type),
              }))}
            />
          </Form.Item>
          <Form.Item name="cardTrade" valuePropName="checked">
            <Checkbox>{t('operations.form.cardTrade')}</Checkbox>
          </Form.Item>
          <Form.Item name="description" label={t('operations.form.description')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.List name="units">
            {(fields, { add, remove }) => (
              <Form.Item label={t('operations.form.units')} extra={t('operations.form.unitsHelp')}>
                <Flex vertical gap={8}>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'unitCode']} noStyle rules={[{ required: true }]}>
                        <UnitTreeSelect
                          aria-label={t('operations.form.unit', { n: index + 1 })}
                          placeholder={t('operations.form.unit', { n: index + 1 })}
                          style={{ width: 240 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'targetSuspects']} noStyle>
                        <InputNumber
                          min={0}
                          precision={0}
                          placeholder={t('operations.form.targetSuspects')}
                          style={{ width: 150 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'targetCases']} noStyle>
                        <InputNumber
                          min={0}
                          precision={0}
                          placeholder={t('operations.form.targetCases')}
                          style={{ width: 150 }}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <MinusCircleOutlined
                          aria-label={t('operations.form.removeUnit')}
                          onClick={() => remove(field.name)}
                        />
                      )}
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({})}
                    style={{ width: 220 }}
                  >
                    {t('operations.form.addUnit')}
                  </Button>
                </Flex>
              </Form.Item>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t(id ? 'common.save' : 'operations.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
