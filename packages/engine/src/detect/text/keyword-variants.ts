/**
 * Spellings that fraud senders use instead of the key words of their trade, each mapped to the word it
 * stands for: homophones and lookalike characters (威信, 薇信 → 微信), pinyin (weixin), abbreviations
 * (vx, zfb) and slang (扣扣, 企鹅 → QQ). Applied after character folding, so entries are written in
 * folded form (lower-case ASCII, simplified Chinese, no separators).
 *
 * An entry that is only ASCII letters applies only as a whole word (not inside "wxyz"); mixed entries
 * apply anywhere. Keep each entry one that a normal message would almost never contain: a wrong rewrite
 * here changes what every later stage sees.
 */
export interface KeywordVariant {
  readonly variant: string;
  readonly word: string;
}

const VARIANTS_BY_WORD: Readonly<Record<string, readonly string[]>> = {
  微信: [
    '威信',
    '薇信',
    '危信',
    '徽信',
    '微芯',
    '微亻言',
    '微x',
    '微v',
    'v信',
    'vx',
    'wx',
    'weixin',
    'wei xin',
    'wechat',
    '维信',
    '嶶信',
    '溦信',
    '卫信',
  ],
  加微信: [
    'jiaweixin',
    'jia wei xin',
    'jia weixin',
    '加v信',
    '+v信',
    '加v',
    '+v',
    '加vx',
    '+vx',
    '加wx',
    '+wx',
    '家v',
    '嘉v',
    '佳v',
  ],
  qq: ['扣扣', '抠抠', '叩叩', '蔻蔻', '寇寇', '企鹅号', 'qq号'],
  支付宝: ['zfb', '支付保', '吱付宝', '支负宝', 'zhifubao', 'alipay'],
  银行卡: ['yhk', '银航卡', '银彳亍卡', 'yinhangka'],
  贷款: ['daikuan', '袋款', '代款', '岱款'],
  刷单: ['shuadan', '刷dan', '唰单', '刷蛋'],
  返利: ['fanli', '返俐', '反利'],
  兼职: ['jianzhi', '兼值', '监职', '兼耳只'],
  公安: ['gongan', '公an'],
  警察: ['jingcha', '儆察'],
  验证码: ['yzm', 'yanzhengma', '验正码', '验证玛'],
  转账: ['zhuanzhang', '转帐', '传账'],
  安全账户: ['安全帐户', '安全帐号', '安全账号'],
  征信: ['zhengxin', '征芯', '征xin'],
  客服: ['kefu', '客fu', '刻服'],
  投资: ['touzi', '投zi'],
  理财: ['licai', '里财'],
  赌博: ['dubo', '堵博'],
  博彩: ['bocai', '博采'],
  退款: ['tuikuan', '退kuan'],
  链接: ['lianjie', '涟接'],
  下载: ['xiazai', '下zai'],
};

/** The variant table, flattened in a fixed order (longest variants win at one position anyway). */
export const KEYWORD_VARIANTS: readonly KeywordVariant[] = Object.entries(VARIANTS_BY_WORD).flatMap(
  ([word, variants]) => variants.map((variant) => ({ variant, word })),
);
