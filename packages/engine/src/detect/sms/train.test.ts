import { describe, expect, it } from 'vitest';
import { createSmsClassifier } from './classifier.js';
import { decodeSmsModel } from './model.js';
import { trainSmsModel, type SmsExample } from './train.js';

// A small fixed set: reproducibility is a property of the trainer, not of the data set.
const EXAMPLES: SmsExample[] = [
  { text: '我是公安局民警，你涉嫌洗钱，请把资金转入安全账户', label: 'fraud', fraudType: 'fake_police' },
  { text: '这里是检察院，你的身份证涉案，请下载会议软件共享屏幕', label: 'fraud', fraudType: 'fake_police' },
  { text: '无抵押低息贷款，先交解冻金和手续费即可放款', label: 'fraud', fraudType: 'fake_loan' },
  { text: '您的贷款额度已通过，请刷流水验证还款能力', label: 'fraud', fraudType: 'fake_loan' },
  { text: '本店三八节全场八折，欢迎新老顾客惠顾', label: 'spam', fraudType: null },
  { text: '新楼盘开盘，首付xx万，咨询热线xxxx', label: 'spam', fraudType: null },
  { text: '明天下午三点开会，记得带材料', label: 'normal', fraudType: null },
  { text: '妈，我到学校了，晚上给你打电话', label: 'normal', fraudType: null },
  { text: '【中国联通】您本月话费账单已出，回复TD退订', label: 'normal', fraudType: null },
];

describe('trainSmsModel', () => {
  it('gives the same model, byte for byte, when trained twice', () => {
    const options = { hashBits: 12, epochs: 5 };
    const first = JSON.stringify(trainSmsModel(EXAMPLES, options));
    const second = JSON.stringify(trainSmsModel(EXAMPLES, options));
    expect(second).toBe(first);
  });

  it('depends on the seed (the order of examples matters to SGD)', () => {
    const a = JSON.stringify(trainSmsModel(EXAMPLES, { hashBits: 12, seed: 1 }));
    const b = JSON.stringify(trainSmsModel(EXAMPLES, { hashBits: 12, seed: 2 }));
    expect(a).not.toBe(b);
  });

  it('learns its training data and only the fraud types it holds', () => {
    const file = trainSmsModel(EXAMPLES, { hashBits: 12 });
    expect(file.fraudTypes).toEqual(['fake_loan', 'fake_police']);
    const classifier = createSmsClassifier(decodeSmsModel(file));
    for (const example of EXAMPLES) expect(classifier.classify(example.text).label).toBe(example.label);
  });
});
