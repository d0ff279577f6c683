import { theme, type ThemeConfig } from 'antd';

// A compact, sober theme: dense tables for operators who scan many rows, police blue as the accent.
export const brand = {
  primary: '#1d4ed8',
  headerBg: '#0f1f3d',
} as const;

export const consoleTheme: ThemeConfig = {
  algorithm: theme.compactAlgorithm,
  token: {
    colorPrimary: brand.primary,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: brand.headerBg, headerHeight: 48, headerPadding: '0 16px', siderBg: '#ffffff' },
    Table: { headerBg: '#f5f7fa' },
  },
};
