import { useState, type ReactNode } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import {
  ApiProblem,
  casesApi,
  fraudTypes,
  problemMessage,
  type CaseCreateBody,
  type CaseFraudType,
} from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { footprintProblemText } from './caseText';
import { footprintChoices, fraudTypeLabel } from './labels';
import { SuspectRows, suspectsOf, type SuspectRow } from './SuspectRows';

export interface FootprintRow {
  choice: string;
  value: string;
  amount?: number | null;
  time?: Dayjs | null;
  /** 0–100; empty: the platform's default (90). Below 60 the entry marks instead of blocking. */
  confidence?: number | null;
  note?: string;
}

interface CaseForm {
  /** The unit the case belongs to; empty: the officer's own. */
  unitCode?: string;
  fraudType: CaseFraudType;
  externalRef?: string;
  victimName: string;
  victimPhone?: string;
  victimIdNumber?: string;
  amountLost: number;
  occurredAt?: Dayjs | null;
  reportedAt?: Dayjs | null;
  narrative?: string;
  warningId?: string;
  suspects?: SuspectRow[];
  footprints: FootprintRow[];
}

/** The request's footprint from a form row: the choice names the kind (and account kind). */
export function footprintOf(row: FootprintRow) {
  const choice = footprintChoices.find((c) => c.value === row.choice) ?? footprintChoices[0]!;
  return {
    kind: choice.kind,
    value: row.value.trim(),
    ...(choice.accountKind ? { accountKind: choice.accountKind } : {}),
    ...(row.amount != null ? { amount: row.amount } : {}),
    ...(row.time ? { occurredAt: row.time.toISOString() } : {}),
    ...(row.confidence != null ? { confidence: row.confidence } : {}),
    ...(row.note?.trim() ? { note: row.note.trim() } : {}),
  };
}

const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** The platform's field pointers (`/footprints/2/value`, `/victim/name`) as form field names. */
function formFieldOf(pointer: string): (string | number)[] | null {
  const footprint = /^\/footprints\/(\d+)\/(\w+)$/.exec(pointer);
  if (footprint)
    return ['footprints', Number(footprint[1]), footprint[2] === 'value' ? 'value' : footprint[2]!];
  const victim = /^\/victim\/(name|phone|idNumber)$/.exec(pointer);
  if (victim) return [`victim${victim[1]![0]!.toUpperCase()}${victim[1]!.slice(1)}`];
  const plain = /^\/(\w+)$/.exec(pointer);
  return plain ? [plain[1]!] : null;
}

/** 录入案件: a case and its footprints in one request; each footprint is blocked as soon as it is saved. */
export function CaseCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseForm>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: CaseForm) => {
    setSaving(true);
    setError(null);
    const body: CaseCreateBody = {
      ...(values.unitCode ? { unitCode: values.unitCode } : {}),
      fraudType: values.fraudType,
      victim: {
        name: values.victimName.trim(),
        ...(optional(values.victimPhone) ? { phone: optional(values.victimPhone)! } : {}),
        ...(optional(values.victimIdNumber) ? { idNumber: optional(values.victimIdNumber)! } : {}),
      },
      amountLost: values.amountLost,
      ...(optional(values.externalRef) ? { externalRef: optional(values.externalRef)! } : {}),
      ...(values.occurredAt ? { occurredAt: values.occurredAt.toISOString() } : {}),
      ...(values.reportedAt ? { reportedAt: values.reportedAt.toISOString() } : {}),
      ...(optional(values.narrative) ? { narrative: optional(values.narrative)! } : {}),
      ...(optional(values.warningId) ? { warningId: optional(values.warningId)! } : {}),
      suspects: suspectsOf(values.suspects),
      footprints: (values.footprints ?? []).filter((row) => row.value?.trim()).map(footprintOf),
    };
    try {
      const created = await casesApi.create(body);
      void message.success(t('cases.form.created', { id: created.id }));
      void navigate(`/cases/${created.id}`);
    } catch (reason) {
      setError(showProblem(reason));
    } finally {
      setSaving(false);
    }
  };

  /** Puts each named problem on its field; returns the line to show above the form. */
  const showProblem = (reason: unknown): string => {
    if (!(reason instanceof ApiProblem) || reason.errors.length === 0) return problemMessage(t, reason);
    const placed = reason.errors.flatMap((item) => {
      const name = formFieldOf(item.field);
      return name ? [{ name, errors: [footprintProblemText(t, item.message)] }] : [];
    });
    // The pointers name this form's fields; the form's own types cannot follow a computed path.
    form.setFields(placed as Parameters<typeof form.setFields>[0]);
    const unplaced = reason.errors.filter((item) => !formFieldOf(item.field)).map((item) => item.message);
    return [t('cases.form.invalid', { count: reason.errors.length }), ...unplaced].join('；');
  };

  return (
    <>
      <PageHeader title={t('cases.form.title')} subtitle={t('cases.form.subtitle')} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<CaseForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ footprints: [{ choice: 'number', value: '' }] }}
      >
        <Card title={t('cases.form.case')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Field name="unitCode" label={t('cases.form.unit')} extra={t('cases.form.unitHelp')}>
              <UnitTreeSelect
                aria-label={t('cases.form.unit')}
                placeholder={t('cases.form.unitOwn')}
                allowClear
                style={{ width: '100%' }}
              />
            </Field>
            <Field name="fraudType" label={t('cases.form.fraudType')} required>
              <Select
                aria-label={t('cases.form.fraudType')}
                showSearch={{ optionFilterProp: 'label' }}
                options={[...fraudTypes, 'other' as const].map((type) => ({
                  value: type,
                  label: fraudTypeLabel(t, type),
                }))}
              />
            </Field>
            {textFields.map(([name, maxLength, isRequired]) => (
              <Field key={name} name={name} label={t(`cases.form.${name}`)} required={isRequired}>
                <Input maxLength={maxLength} />
              </Field>
            ))}
            <Field name="amountLost" label={t('cases.form.amountLost')} required>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Field>
            {(['occurredAt', 'reportedAt'] as const).map((name) => (
              <Field key={name} name={name} label={t(`cases.form.${name}`)}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Field>
            ))}
          </Row>
          <Form.Item name="narrative" label={t('cases.form.narrative')}>
            <Input.TextArea rows={3} maxLength={20_000} />
          </Form.Item>
        </Card>
        <Card title={t('cases.detail.suspects')} style={{ marginBottom: 12 }}>
          <SuspectRows t={t} />
        </Card>
        <Card title={t('cases.form.footprints')} style={{ marginBottom: 12 }}>
          <Alert type="info" showIcon title={t('cases.form.footprintsHint')} style={{ marginBottom: 12 }} />
          <FootprintRows t={t} />
        </Card>
        <Flex justify="end" gap={8}>
          <Button onClick={() => void navigate('/cases')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('cases.form.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

/** The case's text fields: name (also its label's key), longest length, required. */
const textFields = [
  ['externalRef', 100, false],
  ['warningId', 64, false],
  ['victimName', 100, true],
  ['victimPhone', 40, false],
  ['victimIdNumber', 30, false],
] as const;

/** One field of the case card: a third of the row on wide screens. */
function Field({
  name,
  label,
  extra,
  required = false,
  children,
}: {
  name: keyof CaseForm;
  label: string;
  extra?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Col xs={24} md={8}>
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        {...(required ? { rules: [{ required: true, message: t('cases.form.required') }] } : {})}
      >
        {children}
      </Form.Item>
    </Col>
  );
}

/** The footprint rows of a form (`footprints`): kind, value, amount, time and note; one or more. */
export function FootprintRows({ t, single = false }: { t: ReturnType<typeof useT>; single?: boolean }) {
  const choices = footprintChoices.map((choice) => ({
    value: choice.value,
    label: choice.accountKind
      ? t(`intel.accountKind.${choice.accountKind}` as 'intel.accountKind.bank_card')
      : t(`cases.kind.${choice.kind}`),
  }));
  return (
    <Form.List name="footprints">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" wrap>
              <Form.Item name={[field.name, 'choice']} style={{ width: 150 }}>
                <Select aria-label={`${t('cases.form.kind')} ${index + 1}`} options={choices} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'value']}
                style={{ flex: 1, minWidth: 220 }}
                rules={[{ required: true, whitespace: true, message: t('cases.form.required') }]}
              >
                <Input
                  aria-label={`${t('cases.form.value')} ${index + 1}`}
                  placeholder={t('cases.form.value')}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'amount']} style={{ width: 140 }}>
                <InputNumber
                  min={0}
                  precision={2}
                  aria-label={`${t('cases.form.amount')} ${index + 1}`}
                  placeholder={t('cases.form.amount')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'time']} style={{ width: 190 }}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  aria-label={`${t('cases.form.time')} ${index + 1}`}
                  placeholder={t('cases.form.time')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'confidence']} style={{ width: 120 }}>
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  aria-label={`${t('cases.form.confidence')} ${index + 1}`}
                  placeholder={t('cases.form.confidence')}
                  title={t('cases.form.confidenceHelp')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'note']} style={{ width: 200 }}>
                <Input
                  aria-label={`${t('cases.form.note')} ${index + 1}`}
                  placeholder={t('cases.form.note')}
                  maxLength={1000}
                />
              </Form.Item>
              {!single && fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={`${t('cases.form.removeFootprint')} ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              )}
            </Flex>
          ))}
          {!single && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ choice: 'number', value: '' })}
            >
              {t('cases.form.addFootprint')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
