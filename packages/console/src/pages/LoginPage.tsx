import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { problemMessage } from '../api';
import { useAuth } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useT } from '../i18n';
import { productIcon } from '../layout/navigation';
import { brand } from '../theme';

interface LoginForm {
  username: string;
  password: string;
}

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const t = useT();
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  useDocumentTitle(t('login.title'));

  if (state.status === 'authenticated') return <Navigate to={returnPath(location.state)} replace />;

  const submit = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(returnPath(location.state), { replace: true });
    } catch (reason) {
      setError(reason);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        background: `linear-gradient(160deg, ${brand.headerBg} 0%, #1e3a8a 100%)`,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch dark />
      </div>
      <Card style={{ width: 360, boxShadow: '0 12px 32px rgba(0,0,0,0.25)' }}>
        <Flex vertical align="center" style={{ marginBottom: 20 }}>
          <span style={{ fontSize: 36, color: brand.primary }}>{productIcon}</span>
          <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={problemMessage(t, error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={submit} size="large">
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', marginTop: 16, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
