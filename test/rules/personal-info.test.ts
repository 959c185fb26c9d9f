import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { isIdNumber, luhn, type Options } from '../../src/rules/personal-info.js';
import { runRule } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const SEEDS = [
  ['seeds/000_123d78033956bda4.txt', 'draft.txt'],
  ['seeds/003_fdb2e5dd79f7ab48.txt', 'draft.txt'],
  ['seeds/003_fdb2e5dd79f7ab48.md', 'draft.md'],
] as const;

const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(rule, text, options, filename);
const found = async (text: string, options: Partial<Options> = {}, filename = 'draft.txt') =>
  (await run(text, options, filename)).map((f) => `${f.messageId} ${f.text}`);

// Numbers made up for the tests: valid check digits, nobody's.
const ID = '11010519491231002X';
const ID2 = '510107200012294568';
const CARD = '6222021001123456789';
const CARD16 = '4380880000000007';

describe('personal-info: checks', () => {
  it('GB 11643 check digit, province and birth date', () => {
    expect(isIdNumber(ID)).toBe(true);
    expect(isIdNumber(ID2)).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false); // wrong check digit
    expect(isIdNumber('990105194912310023')).toBe(false); // no such province
    expect(isIdNumber('110105194902300021')).toBe(false); // 30 February
  });

  it('Luhn', () => {
    expect(luhn(CARD)).toBe(true);
    expect(luhn(CARD16)).toBe(true);
    expect(luhn('6222021001123456788')).toBe(false);
  });
});

const PASSING = [
  '全年办理行政复议案件126件，涉案金额13800138000元。',
  '统一社会信用代码91440300MA5FXXXX1X，法定代表人另行公示。',
  '案号为（2024）粤0303行初12345号，文号为深南卫〔2024〕18号。',
  `流水号${ID2}7，非身份证号码。`,
  '110105194912310021号文件（校验位不符，不是身份证号）。',
  '6222021001123456788为无效卡号（不通过Luhn校验）。',
  '举报电话：0755-26661234，12345政务服务便民热线。',
  '来信请寄fazhi@sz.gov.cn或luohu_wjj@lh.gov.cn。',
  '2024年共计完成投资12345678901234567元。',
  '登记编号20240101000012345678，全年受理13900000000001号件。',
  '全年支出13912345678.50元，较上年增长0.13800138000个百分点。',
];

ruleTester(rule).run({
  valid: PASSING,
  // the message masks the number; the rule offers no fix
  invalid: [
    { text: `当事人张某（身份证号：${ID}）对处罚决定不服。`, errors: [{ messageId: 'idCard', text: ID, message: '报告中出现身份证号码（1101**********002X），公开前应删除' }], output: null },
    { text: `身份证${ID2.slice(0, 17)}${ID2[17]}。`, errors: [{ messageId: 'idCard', text: ID2 }] },
    { text: `身份证号码${ID.toLowerCase()}`, errors: [{ messageId: 'idCard', text: ID.toLowerCase() }] },
    { text: '联系人：王某，手机13800138000。', errors: [{ messageId: 'mobile', text: '13800138000' }] },
    { text: '联系电话138-0013-8000，工作日可拨打。', errors: [{ messageId: 'mobile', text: '138-0013-8000' }] },
    { text: '联系电话 +86 19912345678。', errors: [{ messageId: 'mobile', text: '19912345678' }] },
    { text: '手机13800138000。', errors: [{ messageId: 'mobile', message: '报告中出现手机号码（138****8000），公开前应删除或改用办公电话' }] },
    { text: `罚没款请汇入账号${CARD}。`, errors: [{ messageId: 'bankCard', text: CARD }] },
    { text: '卡号4380 8800 0000 0007，开户行略。', errors: [{ messageId: 'bankCard', text: '4380 8800 0000 0007' }] },
    { text: `账号${CARD}。`, errors: [{ messageId: 'bankCard', message: '报告中出现银行卡号（6222***********6789），公开前应删除' }] },
    { text: '来信请寄zhangsan1988@163.com或fazhi@sz.gov.cn。', errors: [{ messageId: 'email', text: 'zhangsan1988@163.com' }] },
    { text: '邮箱：12345678@qq.com', errors: [{ messageId: 'email', text: '12345678@qq.com' }] },
    { text: '邮箱：li.si@vip.qq.com、wang@Gmail.com', errors: [{ messageId: 'email', text: 'li.si@vip.qq.com' }, { messageId: 'email', text: 'wang@Gmail.com' }] },
    { text: '邮箱zhangsan@163.com', errors: [{ messageId: 'email', message: '报告中出现个人邮箱（z*******@163.com），公开前应删除或改用单位邮箱' }] },
    { text: '请联系[王某](mailto:wangmou@126.com)，手机`13912345678`。\n', filename: 'draft.md', errors: [{ messageId: 'email', text: 'wangmou@126.com' }, { messageId: 'mobile', text: '13912345678' }] },
  ],
});

describe('personal-info: passing text', () => {
  it.each(SEEDS)('the whole seed %s passes', async (file, filename) => {
    expect(await run(readFileSync(file, 'utf8'), {}, filename)).toEqual([]);
  });
});

describe('personal-info: failing text', () => {
  it('options: switch checks off, add personal domains, allow a published number', async () => {
    const text = `手机13800138000，身份证${ID}，邮箱a@corp-mail.cn。`;
    expect(await found(text, { mobile: false, idCard: false })).toEqual([]);
    expect(await found(text, { mobile: false, idCard: false, emailDomains: ['corp-mail.cn'] })).toEqual(['email a@corp-mail.cn']);
    expect(await found(text, { allow: ['138-0013-8000'] })).toEqual([`idCard ${ID}`]);
    expect(await found(`卡号${CARD}`, { bankCard: false })).toEqual([]);
  });
});
