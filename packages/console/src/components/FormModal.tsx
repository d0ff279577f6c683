import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { ApiProblem, problemMessage } from '../api';
import { useT } from '../i18n';
import { showOnFields } from './formErrors';

export interface FormModalProps<V> {
  form: FormInstance<V>;
  title: ReactNode;
  okText: ReactNode;
  /** A red OK button, for removals and blocks. */
  danger?: boolean;
  width?: number;
  initialValues?: FormProps<V>['initialValues'];
  /** Form fields a server problem may name; such problems are shown on the field, not above the form. */
  fields?: readonly string[];
  /** Turns a failure into what to show: the failure itself, another error, or null when already shown. */
  mapError?: (error: unknown) => unknown;
  /** Sends the values; a rejection is shown on its field or above the form. */
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  /** What the dialog is about, above the error and the form. */
  intro?: ReactNode;
  children: ReactNode;
}

/** A dialog with one vertical form: it owns submit, the saving state, the server's problem and the footer. */
export function FormModal<V>(props: FormModalProps<V>) {
  const { form, title, okText, danger, width, initialValues, fields, mapError, onSubmit, onClose, intro } =
    props;
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (reason) {
      const shown = mapError ? mapError(reason) : reason;
      if (shown !== null && !(fields && showOnFields(form, shown, t, fields))) setError(shown);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      {...(width !== undefined ? { width } : {})}
      title={title}
      okText={okText}
      {...(danger !== undefined ? { okButtonProps: { danger } } : {})}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={submit}
        {...(initialValues !== undefined ? { initialValues } : {})}
      >
        {props.children}
      </Form>
    </Modal>
  );
}

/** A `mapError` for "someone got there first": a 409 conflict becomes the given sentence. */
export function conflictAs(message: string): (error: unknown) => unknown {
  return (error) => (error instanceof ApiProblem && error.code === 'conflict' ? new Error(message) : error);
}
