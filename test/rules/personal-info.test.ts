import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { isIdNumber, luhn, type Options } from '../../src/rules/personal-info.js';
import { runRule } from '../helpers.js';

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

describe('personal-info: passing text', () => {
  it.each(PASSING)('%s', async (text) => {
    expect(await run(text)).toEqual([]);
  });

  it.each(SEEDS)('the whole seed %s passes', async (file, filename) => {
    expect(await run(readFileSync(file, 'utf8'), {}, filename)).toEqual([]);
  });
});

describe('personal-info: failing text', () => {
  it('ID-card numbers, with the middle masked', async () => {
    const findings = await run(`当事人张某（身份证号：${ID}）对处罚决定不服。`);
    expect(findings.map((f) => [f.messageId, f.text])).toEqual([['idCard', ID]]);
    expect(findings[0]!.message).toBe('报告中出现身份证号码（1101**********002X），公开前应删除');
    expect(findings[0]!.message).not.toContain(ID);
    expect(await found(`身份证${ID2.slice(0, 17)}${ID2[17]}。`)).toEqual([`idCard ${ID2}`]);
    expect(await found(`身份证号码${ID.toLowerCase()}`)).toEqual([`idCard ${ID.toLowerCase()}`]);
  });

  it('mobile numbers, also written in groups or with +86', async () => {
    expect(await found('联系人：王某，手机13800138000。')).toEqual(['mobile 13800138000']);
    expect(await found('联系电话138-0013-8000，工作日可拨打。')).toEqual(['mobile 138-0013-8000']);
    expect(await found('联系电话 +86 19912345678。')).toEqual(['mobile 19912345678']);
    const [f] = await run('手机13800138000。');
    expect(f!.message).toBe('报告中出现手机号码（138****8000），公开前应删除或改用办公电话');
  });

  it('bank card numbers that pass Luhn, also in groups of four', async () => {
    expect(await found(`罚没款请汇入账号${CARD}。`)).toEqual([`bankCard ${CARD}`]);
    expect(await found('卡号4380 8800 0000 0007，开户行略。')).toEqual(['bankCard 4380 8800 0000 0007']);
    const [f] = await run(`账号${CARD}。`);
    expect(f!.message).toBe('报告中出现银行卡号（6222***********6789），公开前应删除');
  });

  it('private e-mail addresses, not an office domain', async () => {
    expect(await found('来信请寄zhangsan1988@163.com或fazhi@sz.gov.cn。')).toEqual(['email zhangsan1988@163.com']);
    expect(await found('邮箱：12345678@qq.com')).toEqual(['email 12345678@qq.com']);
    expect(await found('邮箱：li.si@vip.qq.com、wang@Gmail.com')).toEqual(['email li.si@vip.qq.com', 'email wang@Gmail.com']);
    const [f] = await run('邮箱zhangsan@163.com');
    expect(f!.message).toBe('报告中出现个人邮箱（z*******@163.com），公开前应删除或改用单位邮箱');
  });

  it('Markdown: a mailto link and a code span are published too', async () => {
    const md = '请联系[王某](mailto:wangmou@126.com)，手机`13912345678`。\n';
    expect(await found(md, {}, 'draft.md')).toEqual(['email wangmou@126.com', 'mobile 13912345678']);
  });

  it('options: switch checks off, add personal domains, allow a published number', async () => {
    const text = `手机13800138000，身份证${ID}，邮箱a@corp-mail.cn。`;
    expect(await found(text, { mobile: false, idCard: false })).toEqual([]);
    expect(await found(text, { mobile: false, idCard: false, emailDomains: ['corp-mail.cn'] })).toEqual(['email a@corp-mail.cn']);
    expect(await found(text, { allow: ['138-0013-8000'] })).toEqual([`idCard ${ID}`]);
    expect(await found(`卡号${CARD}`, { bankCard: false })).toEqual([]);
  });
});
